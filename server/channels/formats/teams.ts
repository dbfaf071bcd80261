// Microsoft Teams Workflows webhooks (Office 365 connectors are retired): a message carrying one
// Adaptive Card 1.2. Card text is plain or a small Markdown subset, never HTML, so user text is clipped,
// not escaped; a link can only come from the Action.OpenUrl we add.
import type { Formatter } from "./formatted";
import { clip, summarize } from "./summary";

const maxText = 3000;

export const formatTeams: Formatter = (event) => {
  const summary = summarize(event);
  const body: Record<string, unknown>[] = [
    { type: "TextBlock", text: clip(summary.headline, 300), size: "Large", weight: "Bolder", wrap: true },
    { type: "FactSet", facts: summary.facts.map((fact) => ({ title: fact.label, value: clip(fact.value, 500) })) },
  ];
  if (summary.detail) body.push({ type: "TextBlock", text: clip(summary.detail, maxText), wrap: true });
  const card = {
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    type: "AdaptiveCard",
    version: "1.2",
    body,
    actions: [{ type: "Action.OpenUrl", title: summary.link.label, url: summary.link.url }],
  };
  return { kind: "http", body: JSON.stringify({ type: "message", attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", contentUrl: null, content: card }] }) };
};
