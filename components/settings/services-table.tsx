"use client";

import { useQuery } from "@tanstack/react-query";
import { FollowButton } from "@/components/follows/follow-button";
import { Badge } from "@/components/ui/badge";
import { Spinner } from "@/components/ui/spinner";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/components/trpc/client";

export function ServicesTable() {
  const trpc = useTRPC();
  const services = useQuery(trpc.services.list.queryOptions());
  if (services.isPending) return <Spinner label="Loading services" />;
  if (services.isError)
    return (
      <p role="alert" className="text-destructive">
        {errorMessage(services.error)}
      </p>
    );
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Service</TableHead>
          <TableHead>Tier</TableHead>
          <TableHead>Owner team</TableHead>
          <TableHead>Description</TableHead>
          <TableHead>
            <span className="sr-only">Follow</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {services.data.map((service) => (
          <TableRow key={service.id}>
            <TableCell className="font-mono text-sm">{service.name}</TableCell>
            <TableCell>
              <Badge variant={service.tier === 1 ? "warning" : "outline"}>Tier {service.tier}</Badge>
            </TableCell>
            <TableCell>{service.ownerTeam?.name ?? "—"}</TableCell>
            <TableCell className="text-muted-foreground">{service.description}</TableCell>
            <TableCell>
              <FollowButton kind="service" id={service.id} name={service.name} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
