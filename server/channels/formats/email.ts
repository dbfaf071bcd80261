// List addresses: a subject and a plain-text body (no HTML, so nothing in user text can become markup).
import type { Formatter } from "./formatted";
import { clip, summarize } from "./summary";

export const formatEmail: Formatter = (event) => {
  const summary = summarize(event);
  // A subject is one line: a newline in a title must not start a header.
  const subject = clip(summary.headline.replace(/[\r\n]+/g, " "), 200);
  const lines = [summary.headline, "", ...summary.facts.map((fact) => `${fact.label}: ${fact.value}`)];
  if (summary.detail) lines.push("", summary.detail);
  lines.push("", `${summary.link.label}: ${summary.link.url}`, "", "Sent by Daytwo to this list because a channel is set up for it.");
  return { kind: "email", subject, text: lines.join("\n") };
};
