"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/components/trpc/client";
import { DeleteTemplateButton } from "./delete-template-button";
import { PostMortemTemplateForm, type TemplateDraft } from "./post-mortem-template-form";

// Which form is open: none, a new template, or an existing one by id.
type Editing = { mode: "none" } | { mode: "new" } | { mode: "edit"; templateId: string };

/** Admins list, create and edit post-mortem templates and choose the default one. */
export function PostMortemTemplatesAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const templates = useQuery(trpc.postMortems.templates.queryOptions());
  const [editing, setEditing] = useState<Editing>({ mode: "none" });
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.postMortems.templates.queryKey() });
  const onSaved = (name: string) => {
    toast.success(`Template “${name}” saved`);
    setEditing({ mode: "none" });
    setError(null);
    return refresh();
  };
  const create = useMutation(trpc.postMortems.createTemplate.mutationOptions({ onSuccess: (saved) => onSaved(saved.name), onError: (failure) => setError(errorMessage(failure)) }));
  const update = useMutation(trpc.postMortems.updateTemplate.mutationOptions({ onSuccess: (saved) => onSaved(saved.name), onError: (failure) => setError(errorMessage(failure)) }));
  const makeDefault = useMutation(
    trpc.postMortems.setDefaultTemplate.mutationOptions({
      onSuccess: () => toast.success("New post-mortems now start from this template"),
      onError: (failure) => toast.error(errorMessage(failure)),
      onSettled: refresh,
    }),
  );

  if (templates.isPending) return <Spinner label="Loading templates" />;
  if (templates.isError)
    return (
      <p role="alert" className="text-destructive">
        {errorMessage(templates.error)}
      </p>
    );
  const fallback = templates.data.find((template) => template.isDefault) ?? templates.data[0];
  const open = (next: Editing) => {
    setError(null);
    setEditing(next);
  };

  return (
    <div className="grid gap-4">
      {editing.mode === "new" ? (
        <PostMortemTemplateForm
          heading="New template"
          initial={{ name: "", sections: fallback?.sections ?? [{ title: "Summary", guidance: "" }] }}
          isSaving={create.isPending}
          error={error}
          onSave={(draft: TemplateDraft) => create.mutate(draft)}
          onCancel={() => open({ mode: "none" })}
        />
      ) : (
        <Button size="sm" className="justify-self-start" onClick={() => open({ mode: "new" })}>
          <Plus aria-hidden /> New template
        </Button>
      )}
      <ul className="grid gap-3" aria-label="Post-mortem templates">
        {templates.data.map((template) =>
          editing.mode === "edit" && editing.templateId === template.id ? (
            <li key={template.id}>
              <PostMortemTemplateForm
                heading={`Edit ${template.name}`}
                initial={template}
                isSaving={update.isPending}
                error={error}
                onSave={(draft) => update.mutate({ templateId: template.id, ...draft })}
                onCancel={() => open({ mode: "none" })}
              />
            </li>
          ) : (
            <li key={template.id} className="grid gap-2 rounded-md border bg-card p-3">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="font-medium">
                  {template.name} {template.isDefault ? <Badge variant="success">Default</Badge> : null}
                </p>
                <div className="flex flex-wrap gap-2">
                  {!template.isDefault ? (
                    <Button
                      size="sm"
                      variant="outline"
                      disabled={makeDefault.isPending}
                      onClick={() => makeDefault.mutate({ templateId: template.id })}
                      aria-label={`Make ${template.name} the default`}
                    >
                      Make default
                    </Button>
                  ) : null}
                  <Button size="sm" variant="outline" onClick={() => open({ mode: "edit", templateId: template.id })} aria-label={`Edit ${template.name}`}>
                    Edit
                  </Button>
                  {!template.isDefault ? <DeleteTemplateButton template={template} /> : null}
                </div>
              </div>
              <ol className="list-decimal pl-5 text-sm text-muted-foreground" aria-label={`Sections of ${template.name}`}>
                {template.sections.map((section) => (
                  <li key={section.title}>
                    <span className="text-foreground">{section.title}</span>
                    {section.guidance ? ` — ${section.guidance}` : ""}
                  </li>
                ))}
              </ol>
            </li>
          ),
        )}
      </ul>
    </div>
  );
}
