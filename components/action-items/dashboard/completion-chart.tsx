import type { Dashboard } from "@/server/action-items/schemas";
import { formatUtcDay } from "@/lib/time-format";

const HEIGHT = 120;

/**
 * Created vs closed per week as paired bars. Plain SVG: no chart library for one small chart,
 * and a table fallback carries the same numbers for screen readers.
 */
export function CompletionChart({ weeks }: { weeks: Dashboard["completion"] }) {
  const max = Math.max(1, ...weeks.flatMap((week) => [week.created, week.closed]));
  const slot = 100 / weeks.length;
  const label = formatUtcDay;
  // Top, middle and zero; the middle only when it is a whole number (a "3" halfway up to 5 would mislead).
  const yTicks = max % 2 === 0 ? [max, max / 2, 0] : [max, 0];
  // First, middle and last week under the bars.
  const xTicks = [...new Set([weeks[0], weeks[Math.floor((weeks.length - 1) / 2)], weeks.at(-1)])].filter((week) => week !== undefined);
  return (
    <figure className="grid gap-2">
      {/* Axis values are HTML beside the stretched SVG, so their text is not stretched with it. */}
      <div className="grid grid-cols-[auto_1fr] gap-x-2" data-testid="completion-chart">
        <div className="flex h-40 flex-col justify-between text-right text-xs tabular-nums text-muted-foreground" aria-hidden data-testid="chart-y-axis">
          {yTicks.map((tick) => (
            <span key={tick} className="leading-none">
              {tick}
            </span>
          ))}
        </div>
        <svg viewBox={`0 0 100 ${HEIGHT}`} preserveAspectRatio="none" className="h-40 w-full border-b border-l border-border" aria-hidden>
          {weeks.map((week, index) => {
            const created = (week.created / max) * (HEIGHT - 4);
            const closed = (week.closed / max) * (HEIGHT - 4);
            const x = index * slot;
            return (
              <g key={week.weekStart.toISOString()}>
                <rect x={x + slot * 0.15} y={HEIGHT - created} width={slot * 0.33} height={created} className="fill-muted-foreground/50" />
                <rect x={x + slot * 0.52} y={HEIGHT - closed} width={slot * 0.33} height={closed} className="fill-success" />
              </g>
            );
          })}
        </svg>
        <div className="col-start-2 flex justify-between text-xs text-muted-foreground" aria-hidden data-testid="chart-x-axis">
          {xTicks.map((week) => (
            <span key={week.weekStart.toISOString()}>{label(week.weekStart)}</span>
          ))}
        </div>
      </div>
      <figcaption className="flex flex-wrap gap-4 text-xs text-muted-foreground">
        <span className="flex items-center gap-1">
          <span className="size-2 rounded-sm bg-muted-foreground/50" aria-hidden /> Created
        </span>
        <span className="flex items-center gap-1">
          <span className="size-2 rounded-sm bg-success" aria-hidden /> Closed
        </span>
        <span>
          {weeks.length} weeks from {weeks[0] ? label(weeks[0].weekStart) : ""}
        </span>
      </figcaption>
      <table className="sr-only">
        <caption>Action items created and closed per week</caption>
        <thead>
          <tr>
            <th>Week of</th>
            <th>Created</th>
            <th>Closed</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.weekStart.toISOString()}>
              <td>{label(week.weekStart)}</td>
              <td>{week.created}</td>
              <td>{week.closed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
