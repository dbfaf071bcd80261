"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { useTRPC } from "@/components/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";
import { RuleForm } from "./rule-form";
import { type AlertRule, RuleList } from "./rule-list";
import { RulePreview } from "./rule-preview";

/** The routing rules page: the ordered list, one form open at a time (new or editing), and the preview. */
export function AlertRulesAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const rules = useQuery(trpc.alertRules.list.queryOptions());
  // "new", a rule being edited, or nothing open.
  const [editing, setEditing] = useState<AlertRule | "new" | null>(null);
  const onError = (error: unknown) => toast.error(errorMessage(error));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.alertRules.pathKey() });
  const move = useMutation(
    trpc.alertRules.move.mutationOptions({
      // The answer is the whole list in its new order.
      onSuccess: (ordered) => queryClient.setQueryData(trpc.alertRules.list.queryKey(), ordered),
      onError,
      onSettled: refresh,
    }),
  );
  const remove = useMutation(trpc.alertRules.delete.mutationOptions({ onError, onSettled: refresh }));

  return (
    <div className="grid min-w-0 grid-cols-1 gap-4">
      {editing === null ? (
        <div>
          <Button type="button" onClick={() => setEditing("new")}>
            New rule
          </Button>
        </div>
      ) : null}
      {editing === "new" ? <RuleForm rule={null} onDone={() => setEditing(null)} /> : null}
      {rules.isPending ? <Spinner label="Loading routing rules" /> : null}
      {rules.isError ? (
        <p role="alert" className="text-destructive">
          {errorMessage(rules.error)}
        </p>
      ) : null}
      {rules.data ? (
        <RuleList
          rules={rules.data}
          isBusy={move.isPending || remove.isPending}
          onMove={(rule, direction) => move.mutate({ id: rule.id, direction })}
          onEdit={(rule) => setEditing(rule)}
          editor={(rule) => (editing !== null && editing !== "new" && editing.id === rule.id ? <RuleForm key={rule.id} rule={rule} onDone={() => setEditing(null)} /> : null)}
          onDelete={(rule) =>
            remove.mutateAsync({ id: rule.id }).then(() => {
              toast.success(`Rule ${rule.name} deleted.`);
              if (editing !== "new" && editing?.id === rule.id) setEditing(null);
            })
          }
        />
      ) : null}
      <RulePreview />
    </div>
  );
}
