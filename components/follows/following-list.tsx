"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/client";
import { LoadError } from "@/components/ui/load-error";
import { Spinner } from "@/components/ui/spinner";
import { statusLabels } from "@/lib/incident-lifecycle";
import { FollowButton } from "./follow-button";

/** What the person follows, each with its Unfollow button. */
export function FollowingList() {
  const trpc = useTRPC();
  const mine = useQuery(trpc.follows.mine.queryOptions());
  if (mine.isPending) return <Spinner label="Loading what you follow" />;
  if (mine.isError) return <LoadError error={mine.error} what="what you follow" onRetry={() => void mine.refetch()} />;
  const { incidents, services } = mine.data;
  return (
    <div className="grid gap-6">
      <section aria-labelledby="following-incidents" className="grid gap-2">
        <h3 id="following-incidents" className="font-medium">
          Incidents
        </h3>
        {incidents.length === 0 ? (
          <p className="text-sm text-muted-foreground">None. Use “Follow” on an incident’s page.</p>
        ) : (
          <ul className="grid gap-2">
            {incidents.map((incident) => (
              <li key={incident.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border p-2">
                <Link className="underline-offset-2 hover:underline" href={`/incidents/${incident.id}`}>
                  <span className="font-mono text-muted-foreground">{incident.reference}</span> {incident.title}{" "}
                  <span className="text-sm text-muted-foreground">({statusLabels[incident.status]})</span>
                </Link>
                <FollowButton kind="incident" id={incident.id} name={incident.reference} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="following-services" className="grid gap-2">
        <h3 id="following-services" className="font-medium">
          Services
        </h3>
        {services.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            None. Follow a service in the{" "}
            <Link className="underline" href="/settings/services">
              service catalog
            </Link>
            .
          </p>
        ) : (
          <ul className="grid gap-2">
            {services.map((service) => (
              <li key={service.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border p-2">
                <span className="font-mono">{service.name}</span>
                <FollowButton kind="service" id={service.id} name={service.name} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
