"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/components/trpc/client";

type Rank = "1" | "2" | "3" | "4";

export function DueDaysForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.workspace.dueDays.queryOptions());
  const [draft, setDraft] = useState<Partial<Record<Rank, string>>>({});
  const save = useMutation(
    trpc.workspace.setDueDays.mutationOptions({
      onSuccess: () => {
        toast.success("Default due dates saved");
        setDraft({});
      },
      onError: (error) => toast.error(errorMessage(error)),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.workspace.dueDays.queryKey() }),
    }),
  );
  if (current.isPending) return <Spinner label="Loading due dates" />;
  if (current.isError)
    return (
      <p role="alert" className="text-destructive">
        {errorMessage(current.error)}
      </p>
    );

  const value = (rank: number) => draft[String(rank) as Rank] ?? String(current.data.find((row) => row.rank === rank)?.days ?? "");
  function submit(event: FormEvent) {
    event.preventDefault();
    const days = Object.fromEntries(current.data!.map((row) => [String(row.rank), Number(value(row.rank))])) as Record<Rank, number>;
    save.mutate({ days });
  }

  return (
    <form onSubmit={submit} className="grid gap-3">
      {current.data.map((row) => (
        <div key={row.rank} className="grid grid-cols-[6rem_8rem_auto] items-center gap-3">
          <Label htmlFor={`due-${row.rank}`}>{row.severity}</Label>
          <Input id={`due-${row.rank}`} type="number" min={1} max={365} required value={value(row.rank)} onChange={(e) => setDraft({ ...draft, [String(row.rank)]: e.target.value })} />
          <span className="text-sm text-muted-foreground">days</span>
        </div>
      ))}
      <Button type="submit" className="w-fit" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save due dates"}
      </Button>
    </form>
  );
}
