// "Apply suggestion": for the phrasings that have a neutral equivalent, the words that replace the
// flagged ones. The rest (blame, a person as the cause) need a sentence rethought, not a word
// swapped: those keep the written advice only.
import type { BlameFlag } from "./check";

const keepCase = (original: string, replacement: string) => (/^[A-Z]/.test(original) && replacement ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement);

/** The replacement for the flagged excerpt ("" removes it), or null when only the writer can reword it. */
export function rewordingFor(flag: Pick<BlameFlag, "ruleId" | "excerpt">): string | null {
  const excerpt = flag.excerpt;
  switch (flag.ruleId) {
    case "human-error":
      return keepCase(excerpt, "an action the system made easy to get wrong");
    case "failed-to": {
      // "did not" still makes the person the cause (person-cause); the missing prompt is the system's.
      const tense = /^failed/i.test(excerpt) ? "was" : /^fails/i.test(excerpt) ? "is" : "are";
      return keepCase(excerpt, `${tense} not prompted to`);
    }
    case "should-have":
      return keepCase(excerpt, /n['’]t|not/i.test(excerpt) ? "could have avoided having" : "could have");
    case "judgement":
      // A character adjective or adverb carries no fact: the sentence reads the same without it. A
      // noun ("carelessness") is the sentence's subject: that one needs rethinking.
      return /(?:ness|ence|ity|mistakes?)$/i.test(excerpt) ? null : "";
    case "hindsight": {
      if (/^(?:obviously|simply)$/i.test(excerpt)) return "";
      const hadTo = /^(?:just|simply|only)\s+(.+)$/i.exec(excerpt);
      return hadTo?.[1] ? keepCase(excerpt, hadTo[1]) : null;
    }
    default:
      return null;
  }
}

export type RewordEdit = { start: number; end: number; insert: string };

/**
 * What to change in `text` to apply `replacement` to the flagged range [start, end): a removal also
 * takes one neighbouring space, and a word removed at the start of a sentence hands its capital on.
 */
export function rewordEdit(text: string, start: number, end: number, replacement: string): RewordEdit {
  if (replacement) return { start, end, insert: replacement };
  const atSentenceStart = /(?:^|[.!?]\s+)$/.test(text.slice(0, start));
  if (text[end] === " ") {
    const next = text[end + 1] ?? "";
    return atSentenceStart && /[a-z]/.test(next) ? { start, end: end + 2, insert: next.toUpperCase() } : { start, end: end + 1, insert: "" };
  }
  return text[start - 1] === " " ? { start: start - 1, end, insert: "" } : { start, end, insert: "" };
}

export function applyRewording(text: string, start: number, end: number, replacement: string): string {
  const edit = rewordEdit(text, start, end, replacement);
  return text.slice(0, edit.start) + edit.insert + text.slice(edit.end);
}
