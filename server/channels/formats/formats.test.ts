// What Slack, Teams and mail receivers get for every outgoing event: each message checked against the
// documented shape and limits (Slack Block Kit, the Teams Adaptive Card envelope), and hostile text
// (a `<!channel>` ping, markup, 10,000 characters) escaped or clipped before it can do anything.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { notificationChannelKinds } from "@/db/enums";
import { type OutgoingEvent, outgoingEvent } from "@/lib/outgoing-events";
import { sampleIncident, sampleOutgoingEvents } from "@/test/sample-outgoing-events";
import { formatEmail } from "./email";
import { formatters } from "./index";
import { formatSlack } from "./slack";
import { formatTeams } from "./teams";

// Slack Block Kit as documented (api.slack.com/reference/block-kit), with its limits.
const plainText = (max: number) => z.strictObject({ type: z.literal("plain_text"), text: z.string().min(1).max(max), emoji: z.boolean().optional() });
const mrkdwnText = (max: number) => z.strictObject({ type: z.literal("mrkdwn"), text: z.string().min(1).max(max), verbatim: z.boolean().optional() });
const slackBlock = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("header"), text: plainText(150), block_id: z.string().max(255).optional() }),
  z
    .strictObject({ type: z.literal("section"), text: mrkdwnText(3000).optional(), fields: z.array(mrkdwnText(2000)).min(1).max(10).optional(), block_id: z.string().max(255).optional() })
    .refine((block) => block.text || block.fields, "a section needs text or fields"),
  z.strictObject({
    type: z.literal("context"),
    elements: z
      .array(z.union([mrkdwnText(3000), plainText(3000)]))
      .min(1)
      .max(10),
    block_id: z.string().max(255).optional(),
  }),
  z.strictObject({
    type: z.literal("actions"),
    elements: z
      .array(z.strictObject({ type: z.literal("button"), text: plainText(75), url: z.url().max(3000), action_id: z.string().max(255), style: z.enum(["primary", "danger"]).optional() }))
      .min(1)
      .max(25),
    block_id: z.string().max(255).optional(),
  }),
]);
const slackMessage = z.strictObject({ text: z.string().min(1).max(3000), blocks: z.array(slackBlock).min(1).max(50) });

// The Teams Workflows message: one Adaptive Card 1.2 attachment whose link is an Action.OpenUrl.
const adaptiveElement = z.discriminatedUnion("type", [
  z.object({ type: z.literal("TextBlock"), text: z.string().min(1), wrap: z.boolean().optional() }),
  z.object({ type: z.literal("FactSet"), facts: z.array(z.strictObject({ title: z.string(), value: z.string() })).min(1) }),
]);
const teamsMessage = z.strictObject({
  type: z.literal("message"),
  attachments: z
    .array(
      z.strictObject({
        contentType: z.literal("application/vnd.microsoft.card.adaptive"),
        contentUrl: z.null().optional(),
        content: z.object({
          $schema: z.string().optional(),
          type: z.literal("AdaptiveCard"),
          version: z.literal("1.2"),
          body: z.array(adaptiveElement).min(1),
          actions: z.array(z.strictObject({ type: z.literal("Action.OpenUrl"), title: z.string().min(1), url: z.url() })).min(1),
        }),
      }),
    )
    .length(1),
});

const events = Object.values(sampleOutgoingEvents()) as OutgoingEvent[];
const httpBody = (formatted: ReturnType<typeof formatSlack>) => {
  if (formatted.kind !== "http") throw new Error("expected an HTTP body");
  return JSON.parse(formatted.body) as unknown;
};
const hostile = `<!channel> <script>alert(1)</script> & <https://evil.example|Click> ${"x".repeat(10_000)}`;
const hostileEvents = () => {
  const incident = sampleIncident({ title: hostile, reference: "INC-<!here>", commander: { id: "u", name: "<@U123> & co" }, latestUpdate: { body: hostile, postedAt: "2026-12-02T14:10:00.000Z" } });
  return Object.values(sampleOutgoingEvents(incident)) as OutgoingEvent[];
};

describe("outgoing message formats", () => {
  it("the samples are valid outgoing events, one per type", () => {
    for (const event of events) expect(outgoingEvent.safeParse(event).success).toBe(true);
  });

  it.each(events.map((event) => [event.type, event] as const))("Slack: %s is a valid Block Kit message with the incident and an Open in Daytwo button", (_type, event) => {
    const message = slackMessage.parse(httpBody(formatSlack(event)));
    const json = JSON.stringify(message);
    const button = message.blocks.find((block) => block.type === "actions");
    expect(button?.type === "actions" && button.elements[0]?.url).toMatch(/^https:\/\/daytwo\.example\.com\//);
    expect(json).toContain("INC-42");
    if (event.type !== "action_item.overdue") expect(json).toContain("SEV2");
    if (event.type !== "action_item.overdue") expect(json).toContain("Cora Commander");
  });

  it.each(events.map((event) => [event.type, event] as const))("Teams: %s is an Adaptive Card 1.2 message with an OpenUrl action", (_type, event) => {
    const message = teamsMessage.parse(httpBody(formatTeams(event)));
    expect(message.attachments[0]?.content.actions[0]?.url).toMatch(/^https:\/\/daytwo\.example\.com\//);
    expect(JSON.stringify(message)).toContain("INC-42");
  });

  it("email: a one-line subject and a plain text body with the facts and the link", () => {
    for (const event of events) {
      const mail = formatEmail(event);
      if (mail.kind !== "email") throw new Error("expected an email");
      expect(mail.subject).not.toMatch(/[\r\n]/);
      expect(mail.text).toContain("INC-42");
      expect(mail.text).toMatch(/https:\/\/daytwo\.example\.com\//);
    }
    const declared = formatEmail(sampleOutgoingEvents()["incident.declared"]);
    expect(declared).toMatchObject({ subject: "INC-42 declared: Checkout errors" });
    expect(declared.kind === "email" && declared.text).toContain("Commander: Cora Commander");
  });

  it("Slack: mentions, links and markup in user text are escaped, and long text is clipped to Slack's limits", () => {
    for (const event of hostileEvents()) {
      const message = slackMessage.parse(httpBody(formatSlack(event)));
      const mrkdwn = [message.text, ...message.blocks.flatMap((block) => (block.type === "section" ? [block.text?.text ?? "", ...(block.fields ?? []).map((f) => f.text)] : []))].join("\n");
      expect(mrkdwn).not.toMatch(/<[!@#]/);
      expect(mrkdwn).not.toContain("<script>");
      expect(mrkdwn).not.toContain("<https://evil");
      expect(mrkdwn).not.toMatch(/&(?!amp;|lt;|gt;)/);
      expect(mrkdwn).toContain("&lt;!channel&gt;");
    }
    const update = slackMessage.parse(httpBody(formatSlack(hostileEvents()[3] as OutgoingEvent)));
    const detail = update.blocks.filter((block) => block.type === "section").at(-1);
    expect(detail?.type === "section" && detail.text?.text.endsWith("…")).toBe(true);
  });

  it("Teams and email clip 10,000 characters of text and keep a newline out of the subject", () => {
    for (const event of hostileEvents()) {
      const card = teamsMessage.parse(httpBody(formatTeams(event)));
      for (const element of card.attachments[0]?.content.body ?? []) if (element.type === "TextBlock") expect(element.text.length).toBeLessThanOrEqual(3000);
    }
    const mail = formatEmail(sampleOutgoingEvents(sampleIncident({ title: `Checkout\r\nBcc: everyone@example.com ${"y".repeat(10_000)}` }))["incident.declared"]);
    expect(mail.kind === "email" && mail.subject.length).toBeLessThanOrEqual(200);
    expect(mail.kind === "email" && mail.subject).not.toMatch(/[\r\n]/);
  });

  it("every channel kind has a formatter, and webhooks carry the event itself", () => {
    expect(Object.keys(formatters).sort()).toEqual([...notificationChannelKinds].sort());
    const event = sampleOutgoingEvents()["incident.declared"];
    const webhook = formatters.webhook(event);
    expect(webhook.kind === "http" && JSON.parse(webhook.body)).toEqual(event);
  });
});
