"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { FileText } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button, buttonVariants } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/select-native";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/components/trpc/client";
import type { IncidentOutput } from "@/server/incidents/outputs";

/** Open the post-mortem, or start it once the incident is mitigated (its commander may start earlier). */
export function PostMortemLink({ incident, currentUserId }: { incident: IncidentOutput; currentUserId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const existing = useQuery(trpc.postMortems.forIncident.queryOptions({ incidentId: incident.id }));
  const isCommander = incident.roles.some((role) => role.key === "commander" && role.holder?.id === currentUserId);
  const canStart = incident.canWrite && existing.data === null && (Boolean(incident.milestones.mitigatedAt) || isCommander);
  const templates = useQuery({ ...trpc.postMortems.templates.queryOptions(), enabled: canStart });
  // Empty means "the default template"; a choice appears only when there is more than one.
  const [templateId, setTemplateId] = useState("");
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
  if (!canStart) return null;
  const choices = templates.data ?? [];
  return (
    <div className="flex flex-wrap items-center gap-2">
      {choices.length > 1 ? (
        <NativeSelect aria-label="Post-mortem template" wrapperClassName="w-auto" className="h-9 text-sm" value={templateId} onChange={(event) => setTemplateId(event.target.value)}>
          {choices.map((template) => (
            <option key={template.id} value={template.isDefault ? "" : template.id}>
              {template.name}
              {template.isDefault ? " (default)" : ""}
            </option>
          ))}
        </NativeSelect>
      ) : null}
      <Button size="sm" variant="outline" disabled={start.isPending} onClick={() => start.mutate({ incidentId: incident.id, templateId: templateId || undefined })}>
        <FileText className="size-4" aria-hidden /> Start post-mortem
      </Button>
    </div>
  );
}
