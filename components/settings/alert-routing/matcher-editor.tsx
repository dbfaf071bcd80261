"use client";

// Rows of label / operator / value, as Prometheus writes a matcher. Each row names itself by number, so
// a screen reader hears "Label of matcher 2", and the add/remove buttons say which row they act on.
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select-native";
import { alertMatcherOps, type AlertMatcherOp } from "@/lib/alert-matchers";

export type MatcherRow = { key: number; label: string; op: AlertMatcherOp; value: string };

const opNames: Record<AlertMatcherOp, string> = { "=": "= equals", "!=": "!= does not equal", "=~": "=~ matches regex", "!~": "!~ does not match regex" };

type Props = {
  idBase: string;
  rows: MatcherRow[];
  rowErrors: Record<number, string>;
  onChange: (rows: MatcherRow[]) => void;
  onAdd: () => void;
};

export function MatcherEditor({ idBase, rows, rowErrors, onChange, onAdd }: Props) {
  const update = (key: number, patch: Partial<MatcherRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  return (
    <div className="grid gap-2">
      {rows.length === 0 ? <p className="text-sm text-muted-foreground">No matchers: this rule takes every alert that reaches it.</p> : null}
      <ol className="grid gap-2">
        {rows.map((row, index) => {
          const number = index + 1;
          const errorId = `${idBase}-matcher-${row.key}-error`;
          const invalid = rowErrors[row.key] ? { "aria-invalid": true as const, "aria-describedby": errorId } : {};
          return (
            <li key={row.key} className="grid gap-1">
              <div className="grid grid-cols-[1fr_auto] gap-2 sm:grid-cols-[minmax(0,1fr)_11rem_minmax(0,1.5fr)_auto]">
                <Input
                  aria-label={`Label of matcher ${number}`}
                  placeholder="label, e.g. service"
                  value={row.label}
                  maxLength={100}
                  onChange={(event) => update(row.key, { label: event.target.value })}
                  {...invalid}
                />
                <NativeSelect
                  aria-label={`Operator of matcher ${number}`}
                  wrapperClassName="col-span-2 sm:col-span-1"
                  value={row.op}
                  onChange={(event) => update(row.key, { op: event.target.value as AlertMatcherOp })}
                >
                  {alertMatcherOps.map((op) => (
                    <option key={op} value={op}>
                      {opNames[op]}
                    </option>
                  ))}
                </NativeSelect>
                <Input
                  aria-label={`Value of matcher ${number}`}
                  className="col-span-2 sm:col-span-1"
                  placeholder={row.op.includes("~") ? "regex, e.g. prod|staging" : "value"}
                  value={row.value}
                  maxLength={200}
                  onChange={(event) => update(row.key, { value: event.target.value })}
                  {...invalid}
                />
                <Button
                  type="button"
                  variant="outline"
                  size="icon"
                  className="col-start-2 row-start-1 sm:col-start-auto sm:row-start-auto"
                  aria-label={`Remove matcher ${number}`}
                  onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
                >
                  <Trash2 aria-hidden="true" />
                </Button>
              </div>
              {rowErrors[row.key] ? (
                <p id={errorId} role="alert" className="text-sm text-destructive">
                  Matcher {number}: {rowErrors[row.key]}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      <div>
        <Button type="button" size="sm" variant="outline" onClick={onAdd} disabled={rows.length >= 20}>
          <Plus aria-hidden="true" /> Add matcher
        </Button>
      </div>
    </div>
  );
}
