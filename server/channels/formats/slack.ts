// Slack incoming webhooks: `{ text, blocks }` in Block Kit. `text` is what the notification and
// screen readers show; the blocks are the message. User text goes into mrkdwn, where `&`, `<` and `>`
// are control characters (`<!channel>` pings everyone, `<url|label>` disguises a link), so it is escaped.
import type { Formatter } from "./formatted";
import { clip, summarize } from "./summary";

// Slack's documented limits (api.slack.com/reference/block-kit/blocks).
export const slackLimits = { headerText: 150, sectionText: 3000, fieldText: 2000, fields: 10, buttonText: 75, url: 3000, blocks: 50, fallbackText: 3000 } as const;

/** Slack's own escaping for mrkdwn and for `text`: exactly these three characters. */
export const escapeMrkdwn = (value: string) => value.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

const mrkdwn = (value: string, max: number) => ({ type: "mrkdwn" as const, text: clip(escapeMrkdwn(value), max) });
const plain = (value: string, max: number) => ({ type: "plain_text" as const, text: clip(value, max), emoji: false });

export const formatSlack: Formatter = (event) => {
  const summary = summarize(event);
  const blocks: Record<string, unknown>[] = [
    { type: "header", text: plain(summary.headline, slackLimits.headerText) },
    { type: "section", fields: summary.facts.slice(0, slackLimits.fields).map((fact) => mrkdwn(`*${fact.label}*\n${fact.value}`, slackLimits.fieldText)) },
  ];
  if (summary.detail) blocks.push({ type: "section", text: mrkdwn(summary.detail, slackLimits.sectionText) });
  blocks.push(
    { type: "actions", elements: [{ type: "button", action_id: "open_in_daytwo", text: plain(summary.link.label, slackLimits.buttonText), url: clip(summary.link.url, slackLimits.url) }] },
    { type: "context", elements: [mrkdwn(`Daytwo · ${event.type} · ${event.timestamp}`, slackLimits.fieldText)] },
  );
  return { kind: "http", body: JSON.stringify({ text: clip(escapeMrkdwn(summary.headline), slackLimits.fallbackText), blocks }) };
};
