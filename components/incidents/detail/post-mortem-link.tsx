"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { FileText } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button, buttonVariants } from "@/components/ui/button";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";
import type { IncidentOutput } from "@/server/incidents/outputs";

/** Open the post-mortem, or start it once the incident is mitigated (its commander may start earlier). */
export function PostMortemLink({ incident, currentUserId }: { incident: IncidentOutput; currentUserId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const existing = useQuery(trpc.postMortems.forIncident.queryOptions({ incidentId: incident.id }));
  const start = useMutation(
    trpc.postMortems.start.mutationOptions({
      onSuccess: ({ id }) => router.push(`/post-mortems/${id}`),
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  if (existing.data) {
    return (
      <Link href={`/post-mortems/${existing.data.id}`} className={buttonVariants({ variant: "outline", size: "sm" })}>
        <FileText className="size-4" aria-hidden /> Open post-mortem
      </Link>
    );
  }
  const isCommander = incident.roles.some((role) => role.key === "commander" && role.holder?.id === currentUserId);
  if (!incident.canWrite || existing.isPending || (!incident.milestones.mitigatedAt && !isCommander)) return null;
  return (
    <Button size="sm" variant="outline" disabled={start.isPending} onClick={() => start.mutate({ incidentId: incident.id })}>
      <FileText className="size-4" aria-hidden /> Start post-mortem
    </Button>
  );
}
