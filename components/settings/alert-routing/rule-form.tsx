"use client";

// Creates or edits one routing rule. Matcher rows are checked here with the server's own schema, so a
// regex that does not compile is marked on its row before anything is sent; the rest the server judges.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { FieldError, useFormErrors } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select-native";
import { useTRPC } from "@/components/trpc/client";
import { alertTierChoices, alertTiers, SEVERITY_FROM_SERVICE, TIER_FROM_ALERT, type AlertTier } from "@/lib/alert-routing-labels";
import { labelMatcher } from "@/lib/validation/label-matcher";
import { MatcherEditor, type MatcherRow } from "./matcher-editor";
import type { AlertRule } from "./rule-list";

const fields = ["name", "matchers", "tier", "severityId", "serviceLabel", "groupBy", "windowMinutes", "joinAcknowledgedWithinHours"] as const;
type Field = (typeof fields)[number];

export function RuleForm({ rule, onDone }: { rule: AlertRule | null; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const idBase = `alert-rule-${rule?.id ?? "new"}`;
  const errors = useFormErrors(idBase, fields);
  const severities = useQuery(trpc.incidents.formOptions.queryOptions()).data?.severities ?? [];
  const nextKey = useRef(rule?.matchers.length ?? 0);
  const nameInput = useRef<HTMLInputElement>(null);
  // The form opens where it was asked for; focus moves into it so a keyboard user lands on its first field.
  useEffect(() => nameInput.current?.focus(), []);
  const [name, setName] = useState(rule?.name ?? "");
  const [rows, setRows] = useState<MatcherRow[]>(() => (rule?.matchers ?? []).map((matcher, key) => ({ key, ...matcher })));
  const [rowErrors, setRowErrors] = useState<Record<number, string>>({});
  const [tier, setTier] = useState<AlertTier | "">(rule?.tier ?? "");
  const [severityId, setSeverityId] = useState(rule?.severityId ? String(rule.severityId) : "");
  const [serviceLabel, setServiceLabel] = useState(rule?.serviceLabel ?? "service");
  const [groupBy, setGroupBy] = useState(rule?.groupBy.join(", ") ?? "");
  const [windowMinutes, setWindowMinutes] = useState(String(rule?.windowMinutes ?? 30));
  const [joinHours, setJoinHours] = useState(rule?.joinAcknowledgedWithinHours ? String(rule.joinAcknowledgedWithinHours) : "");
  const [isEnabled, setEnabled] = useState(rule?.isEnabled ?? true);

  const onSuccess = (saved: { name: string }) => {
    errors.clear();
    toast.success(rule ? `Rule ${saved.name} saved.` : `Rule ${saved.name} added.`);
    void queryClient.invalidateQueries({ queryKey: trpc.alertRules.pathKey() });
    onDone();
  };
  const onError = (error: unknown) => errors.show(error);
  const create = useMutation(trpc.alertRules.create.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.alertRules.update.mutationOptions({ onSuccess, onError }));
  const isPending = create.isPending || update.isPending;

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<number, string> = {};
    for (const row of rows) {
      const checked = labelMatcher.safeParse(row);
      if (!checked.success) problems[row.key] = checked.error.issues[0]?.message ?? "Check this matcher";
    }
    setRowErrors(problems);
    if (Object.keys(problems).length > 0) {
      errors.showField("matchers", "Fix the marked matchers first.");
      return;
    }
    const settings = {
      name,
      matchers: rows.map(({ label, op, value }) => ({ label, op, value })),
      tier: tier === "" ? null : tier,
      severityId: severityId === "" ? null : Number(severityId),
      serviceLabel,
      groupBy: groupBy.split(/[\s,]+/).filter(Boolean),
      windowMinutes: Number(windowMinutes),
      joinAcknowledgedWithinHours: joinHours.trim() === "" ? null : Number(joinHours),
      isEnabled,
    };
    if (rule) update.mutate({ id: rule.id, ...settings });
    else create.mutate(settings);
  }

  const fieldId = (field: Field) => `${idBase}-${field}`;
  const hintId = (field: Field) => `${idBase}-${field}-hint`;
  const hint = (field: Field, text: string) => (
    <p id={hintId(field)} className="text-xs text-muted-foreground">
      {text}
    </p>
  );

  return (
    <form onSubmit={submit} noValidate className="grid gap-4 rounded-md border border-border p-3 sm:p-4" aria-label={rule ? `Edit rule ${rule.name}` : "New routing rule"}>
      <div className="grid gap-1">
        <Label htmlFor={fieldId("name")}>Rule name</Label>
        <Input ref={nameInput} id={fieldId("name")} value={name} maxLength={100} onChange={(event) => setName(event.target.value)} {...errors.inputProps("name")} />
        <FieldError errors={errors} name="name" />
      </div>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Matchers (all must hold)</legend>
        <MatcherEditor idBase={idBase} rows={rows} rowErrors={rowErrors} onChange={setRows} onAdd={() => setRows([...rows, { key: nextKey.current++, label: "", op: "=", value: "" }])} />
        <FieldError errors={errors} name="matchers" />
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="grid gap-1">
          <Label htmlFor={fieldId("tier")}>Tier</Label>
          <NativeSelect id={fieldId("tier")} value={tier} onChange={(event) => setTier(event.target.value as AlertTier | "")} {...errors.inputProps("tier")}>
            <option value="">{TIER_FROM_ALERT}</option>
            {alertTiers.map((value) => (
              <option key={value} value={value}>
                {alertTierChoices[value]}
              </option>
            ))}
          </NativeSelect>
          <FieldError errors={errors} name="tier" />
        </div>
        <div className="grid gap-1">
          <Label htmlFor={fieldId("severityId")}>Severity</Label>
          <NativeSelect id={fieldId("severityId")} value={severityId} onChange={(event) => setSeverityId(event.target.value)} {...errors.inputProps("severityId")}>
            <option value="">{SEVERITY_FROM_SERVICE}</option>
            {severities.map((severity) => (
              <option key={severity.id} value={severity.id}>
                {severity.name}
              </option>
            ))}
          </NativeSelect>
          <FieldError errors={errors} name="severityId" />
        </div>
        <div className="grid gap-1">
          <Label htmlFor={fieldId("serviceLabel")}>Service label</Label>
          <Input
            id={fieldId("serviceLabel")}
            value={serviceLabel}
            maxLength={100}
            onChange={(event) => setServiceLabel(event.target.value)}
            {...errors.inputProps("serviceLabel", hintId("serviceLabel"))}
          />
          {hint("serviceLabel", "The label whose value names the affected service in the catalog.")}
          <FieldError errors={errors} name="serviceLabel" />
        </div>
        <div className="grid gap-1">
          <Label htmlFor={fieldId("groupBy")}>Group by labels</Label>
          <Input
            id={fieldId("groupBy")}
            value={groupBy}
            placeholder="e.g. service, alertname"
            onChange={(event) => setGroupBy(event.target.value)}
            {...errors.inputProps("groupBy", hintId("groupBy"))}
          />
          {hint("groupBy", "Comma-separated, up to 10. Empty: the sender's own group, else service and alert name.")}
          <FieldError errors={errors} name="groupBy" />
        </div>
        <div className="grid gap-1">
          <Label htmlFor={fieldId("windowMinutes")}>Window (minutes)</Label>
          <Input
            id={fieldId("windowMinutes")}
            type="number"
            inputMode="numeric"
            min={1}
            max={1440}
            value={windowMinutes}
            onChange={(event) => setWindowMinutes(event.target.value)}
            {...errors.inputProps("windowMinutes", hintId("windowMinutes"))}
          />
          {hint("windowMinutes", "Alerts of the same group within this window join one incident. 1 to 1440.")}
          <FieldError errors={errors} name="windowMinutes" />
        </div>
        <div className="grid gap-1">
          <Label htmlFor={fieldId("joinAcknowledgedWithinHours")}>Acknowledged incidents stop taking new alerts after N hours (empty: never)</Label>
          <Input
            id={fieldId("joinAcknowledgedWithinHours")}
            type="number"
            inputMode="numeric"
            min={1}
            max={720}
            value={joinHours}
            onChange={(event) => setJoinHours(event.target.value)}
            {...errors.inputProps("joinAcknowledgedWithinHours")}
          />
          <FieldError errors={errors} name="joinAcknowledgedWithinHours" />
        </div>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="size-4" checked={isEnabled} onChange={(event) => setEnabled(event.target.checked)} /> Enabled (a disabled rule is skipped)
      </label>
      {errors.message ? (
        <p role="alert" className="text-sm text-destructive">
          {errors.message}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : rule ? "Save rule" : "Add rule"}
        </Button>
        <Button type="button" variant="outline" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
