"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type ChangeEvent } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select-native";
import { Textarea } from "@/components/ui/textarea";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/components/trpc/client";

const MAX_BYTES = 200_000;

/** Bring a wiki page in: paste Markdown or pick a .md file; `- [ ]` items become checklist steps. */
export function ImportForm() {
  const id = useId();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const teams = useQuery(trpc.teams.list.queryOptions());
  const services = useQuery(trpc.services.list.queryOptions());
  const [markdown, setMarkdown] = useState("");
  const [ownerTeamId, setOwnerTeamId] = useState("");
  const [serviceId, setServiceId] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const importMarkdown = useMutation(
    trpc.runbooks.importMarkdown.mutationOptions({
      onSuccess: async (result) => {
        toast.success("Runbook imported");
        await queryClient.invalidateQueries({ queryKey: trpc.runbooks.pathKey() });
        router.push(`/runbooks/${result.id}`);
      },
      onError: (error) => setProblem(errorMessage(error)),
    }),
  );

  async function pickFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_BYTES) return setProblem("That Markdown file is too large (200 KB at most)");
    setProblem(null);
    setMarkdown(await file.text());
  }

  return (
    <form
      className="grid gap-5"
      onSubmit={(e) => {
        e.preventDefault();
        setProblem(null);
        importMarkdown.mutate({ markdown, ownerTeamId: ownerTeamId || undefined, serviceIds: serviceId ? [serviceId] : undefined });
      }}
    >
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-file`}>Markdown file</Label>
        <Input id={`${id}-file`} type="file" accept=".md,.markdown,text/markdown,text/plain" onChange={(e) => void pickFile(e)} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-text`}>Markdown</Label>
        <Textarea
          id={`${id}-text`}
          className="min-h-64 font-mono"
          value={markdown}
          onChange={(e) => setMarkdown(e.target.value)}
          placeholder={"# Restart the ledger\n\n- [ ] Check the dashboard\n- [ ] Drain the node"}
          required
        />
        <p className="text-xs text-muted-foreground">The first heading becomes the title. Task items (- [ ]) become steps. Raw HTML is dropped.</p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-team`}>Owner team</Label>
          <NativeSelect id={`${id}-team`} value={ownerTeamId} onChange={(e) => setOwnerTeamId(e.target.value)}>
            <option value="">No owner team</option>
            {teams.data?.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-service`}>Service</Label>
          <NativeSelect id={`${id}-service`} value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
            <option value="">No service</option>
            {services.data?.map((service) => (
              <option key={service.id} value={service.id}>
                {service.name}
              </option>
            ))}
          </NativeSelect>
        </div>
      </div>
      {problem ? (
        <p role="alert" className="text-sm text-destructive">
          {problem}
        </p>
      ) : null}
      <div>
        <Button type="submit" disabled={importMarkdown.isPending || !markdown.trim()}>
          {importMarkdown.isPending ? "Importing…" : "Import runbook"}
        </Button>
      </div>
    </form>
  );
}
