// Runs the blameless rules over text as someone types. Pure and synchronous so the editor can call
// it on every change; the name finder is compiled once per workspace name set and cached.
import { blameRules, LETTER, type RuleId, type Span } from "./rules";

export type BlameFlag = { ruleId: RuleId; start: number; end: number; excerpt: string; why: string; suggestion: string };
export type CheckOptions = { personNames: string[] };
export type Sentence = { text: string; start: number; end: number };

// Around a name: a letter or digit on either side means it is part of a longer word ("Samuel").
const NAME_EDGE_BEFORE = `(?<![${LETTER}0-9_])`;
const NAME_EDGE_AFTER = `(?![${LETTER}0-9_])`;

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// First names that are everyday words: "the deploy will fail to start" is not about Will. These
// only count as names when capitalised as written; everything else matches in any case.
const WORD_LIKE_NAMES = new Set(
  `will may mark bill grant rob art chase hope faith rose june april august pat sue frank gene ray dawn drew max jack
  sky summer joy hunter rich guy miles lane reed jean nick don dean penny ivy iris amber crystal angel stone kit sandy
  cliff grace page carol holly lily sage river rain storm forest`.split(/\s+/),
);

// Full names and first names; last names are left out because the demo workspace's surnames
// ("Responder", "Viewer", "Admin") are ordinary words in post-mortems, and many real ones are too.
function nameVariants(personNames: string[]): string[] {
  const variants = new Set<string>();
  for (const raw of personNames) {
    const full = raw.trim().replace(/\s+/g, " ");
    if (full.length >= 2) variants.add(full.toLowerCase());
    const first = full.split(" ")[0] ?? "";
    if (first.length >= 2) variants.add(first.toLowerCase());
  }
  // Longest first so "Sam Rivera" wins over "Sam" in the alternation.
  return [...variants].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

const finders = new Map<string, RegExp | null>();
const CACHE_LIMIT = 16;

function compileFinder(personNames: string[]): RegExp | null {
  const variants = nameVariants(personNames);
  const key = variants.join("\u0000");
  const hit = finders.get(key);
  if (hit !== undefined) return hit;
  const source = variants.map((v) => escapeRegExp(v).replace(/ /g, "\\s+")).join("|");
  // `i` without `u`: see LETTER in rules.ts for why.
  const finder = variants.length > 0 ? new RegExp(`${NAME_EDGE_BEFORE}(?:${source})${NAME_EDGE_AFTER}`, "gi") : null;
  if (finders.size >= CACHE_LIMIT) {
    const oldest = finders.keys().next().value;
    if (oldest !== undefined) finders.delete(oldest);
  }
  finders.set(key, finder);
  return finder;
}

function findNames(text: string, finder: RegExp | null) {
  const ends = new Map<number, number>();
  const starts = new Map<number, number>();
  if (!finder) return { ends, starts };
  finder.lastIndex = 0;
  for (let m = finder.exec(text); m; m = finder.exec(text)) {
    const found = m[0];
    if (found === found.toLowerCase() && WORD_LIKE_NAMES.has(found)) continue;
    ends.set(m.index + found.length, m.index);
    starts.set(m.index, m.index + found.length);
  }
  return { ends, starts };
}

export function checkBlame(text: string, options: CheckOptions): BlameFlag[] {
  if (text.length === 0) return [];
  const { ends, starts } = findNames(text, compileFinder(options.personNames));
  const input = { text, names: ends, nameStarts: starts };
  // Kept sorted by start. Rules are ordered most specific first; a later span that overlaps a kept
  // flag is dropped so the editor never stacks two underlines on one phrase.
  const flags: BlameFlag[] = [];
  for (const rule of blameRules) {
    const spans = rule.match(input).sort((a: Span, b: Span) => a.start - b.start || b.end - a.end);
    for (const span of spans) {
      const at = firstStartingAtOrAfter(flags, span.start);
      const previous = flags[at - 1];
      const next = flags[at];
      if ((previous && previous.end > span.start) || (next && next.start < span.end)) continue;
      flags.splice(at, 0, { ruleId: rule.id, start: span.start, end: span.end, excerpt: text.slice(span.start, span.end), why: rule.why, suggestion: rule.suggestion });
    }
  }
  return flags;
}

function firstStartingAtOrAfter(flags: BlameFlag[], start: number): number {
  let low = 0;
  let high = flags.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((flags[mid]?.start ?? Infinity) < start) low = mid + 1;
    else high = mid;
  }
  return low;
}

// Sentence boundaries for callers that report per sentence (the bench, a side panel). A full stop
// followed by a space and a lower-case letter ("e.g. the") or a digit ("v2.3") is not a boundary.
const SENTENCE_END = /[.!?]+["'”’)\]]*(?=\s+(?:[\p{Lu}"“'‘([]|$))|\n\s*\n|\n(?=\s*[-*•]\s)/gu;

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let from = 0;
  const push = (end: number) => {
    const slice = text.slice(from, end);
    const lead = slice.length - slice.trimStart().length;
    const trimmed = slice.trim();
    if (trimmed) sentences.push({ text: trimmed, start: from + lead, end: from + lead + trimmed.length });
  };
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    push(m.index + m[0].length);
    from = m.index + m[0].length;
  }
  push(text.length);
  return sentences;
}
