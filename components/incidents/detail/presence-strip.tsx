"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";

const initials = (name: string) =>
  name
    .split(/\s+/)
    .map((part) => part[0] ?? "")
    .join("")
    .slice(0, 2)
    .toUpperCase();

/** Who has this incident open right now: the live stream replaces the list whenever someone arrives or leaves. */
export function PresenceStrip({ incidentId }: { incidentId: string }) {
  const trpc = useTRPC();
  const viewers = useQuery({ ...trpc.incidents.viewers.queryOptions({ incidentId }), staleTime: Infinity });
  if (!viewers.data?.length) return null;
  return (
    <section aria-label="Looking at this incident" className="flex items-center gap-1">
      <span className="mr-1 text-xs text-muted-foreground">Here now:</span>
      <ul className="flex -space-x-1">
        {viewers.data.map((viewer) => (
          <li
            key={viewer.id}
            title={viewer.name}
            className="flex size-7 items-center justify-center rounded-full border-2 border-background bg-primary text-[10px] font-semibold text-primary-foreground"
          >
            <span aria-hidden>{initials(viewer.name)}</span>
            <span className="sr-only">{viewer.name}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
