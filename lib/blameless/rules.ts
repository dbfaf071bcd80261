// The blameless-language rules. Each rule is a cheap regex pass plus, where a phrase is only blame
// when a person is its subject ("Sam failed to…" vs "the health check failed to…"), a look at the
// word just before the phrase in the same clause. Every regex here is compiled once at module load
// and knows nothing about names: check.ts finds the workspace's names in the text first and the
// rules look those positions up, so a big workspace does not make every pattern slower.

export type Span = { start: number; end: number };
export type RuleId = "human-error" | "judgement" | "blame-fault" | "failed-to" | "should-have" | "person-cause" | "hindsight";

export type RuleInput = {
  text: string;
  // End offset -> start offset of every workspace name in the text, so a subject check can tell
  // that "Rivera" in "Sam Rivera failed to" ends a person's name; and start -> end, so "caused by"
  // can tell that a name follows it.
  names: ReadonlyMap<number, number>;
  nameStarts: ReadonlyMap<number, number>;
};

export type BlameRule = { id: RuleId; label: string; why: string; suggestion: string; match: (input: RuleInput) => Span[] };

// Regexes here use the `i` flag without `u`: V8 runs `iu` patterns tens of times slower, which
// matters on a 20-page document. LETTER stands in for \p{L}; it covers Latin, Greek, Cyrillic,
// Hebrew, Arabic, Indic scripts, kana, CJK and Hangul, enough for workspace names. The Indic range
// starts at U+0904: U+0900–0903 are combining marks, which no-misleading-character-class rejects.
export const LETTER = "A-Za-z\\u00C0-\\u024F\\u0370-\\u052F\\u0590-\\u06FF\\u0904-\\u0DFF\\u3040-\\u30FF\\u4E00-\\u9FFF\\uAC00-\\uD7AF";
const WORD = `[${LETTER}'’-]+`;

const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

const PRONOUNS = words("i we he she they you someone somebody nobody anyone anybody everyone everybody whoever");
// Roles people hold. "user" and "customer" are left out on purpose: "the user failed to log in" is a symptom.
const ROLES = words(`engineer engineers developer developers dev devs on-call oncall on-caller responder responders reviewer reviewers author authors
  approver admin admins administrator sre sres dba dbas intern interns hire contractor contractors team teammate teammates colleague person people
  staff manager managers lead ic commander owner owners operator operators ops deployer committer engineering support`);
// Heads that make "should have"/"simply" describe a system rather than a person.
const SYSTEM_NOUNS = words(`alert alerts alarm alarms check checks probe probes monitor monitoring canary job jobs cron pipeline build builds deploy
  deploys deployment rollout service services server servers pod pods node nodes cluster database db replica primary cache queue worker workers script
  scripts test tests suite linter ci config migration balancer proxy gateway api endpoint dns certificate cert system systems process tool tooling
  automation bot hook webhook runbook dashboard pager scheduler controller loop retry retries timeout client sdk library release flag failover backup
  restore limiter autoscaler storage disk volume network firewall rule policy validation safeguard guard it this that which code change hostname pool
  parser handler function query request requests traffic threshold`);
// Words between a subject and its verb that do not change who the subject is.
const SKIP = words(`had have has also then again still already never just simply both all once later ultimately even not apparently clearly initially
  originally previously subsequently repeatedly completely entirely somehow really actually probably likely unfortunately unsurprisingly consistently`);
const NOT_ADVERBS = words("reply apply supply assembly anomaly family ally only early daily weekly monthly hourly");
const NEGATORS = words("no not nobody never without don't doesn't didn't isn't wasn't aren't weren't won't avoid avoided avoiding");

// Clause punctuation ends the look-back: the subject of a phrase is never across a full stop or a quote.
const CLAUSE_STOP = /[.;:!?()[\]{}"“”`\n—]/;
const WORD_CHAR = new RegExp(`[${LETTER}0-9'’-]`);

type Token = { word: string; start: number; end: number };

// A subject is a few words back, never a page back; the cap keeps a run of 60k spaces or one
// enormous token from making each look-back scan the whole document.
const LOOK_BACK_CHARS = 160;

// Up to `max` words before `index`, nearest first, stopping at clause punctuation.
export function wordsBefore(text: string, index: number, max: number): Token[] {
  const out: Token[] = [];
  const floor = Math.max(0, index - LOOK_BACK_CHARS);
  let i = index - 1;
  while (out.length < max && i >= floor) {
    const ch = text.charAt(i);
    if (CLAUSE_STOP.test(ch)) break;
    if (!WORD_CHAR.test(ch)) {
      i--;
      continue;
    }
    const end = i + 1;
    while (i >= floor && WORD_CHAR.test(text.charAt(i))) i--;
    // Quotes around a word ('force') are not part of it.
    let start = i + 1;
    let stop = end;
    while (start < stop && /['’-]/.test(text.charAt(start))) start++;
    while (stop > start && /['’-]/.test(text.charAt(stop - 1))) stop--;
    if (stop > start) out.push({ word: text.slice(start, stop).toLowerCase(), start, end: stop });
  }
  return out;
}

export type Head = { kind: "person" | "system" | "unknown"; start: number };

// The subject-ish word nearest before `index`, skipping adverbs and auxiliaries.
export function headBefore(input: RuleInput, index: number): Head | null {
  const before = wordsBefore(input.text, index, 6);
  for (let k = 0; k < before.length; k++) {
    const token = before[k];
    if (!token) break;
    const word = token.word;
    const bare = word.replace(/['’]s$/, "");
    const nameStart = input.names.get(token.end) ?? input.names.get(token.end - 2);
    if (nameStart !== undefined) return { kind: "person", start: nameStart };
    if (SKIP.has(word) || (word.endsWith("ly") && !NOT_ADVERBS.has(word))) continue;
    // "no one", "on call", "on shift": the role is the pair.
    const previous = before[k + 1]?.word;
    if ((bare === "one" && previous === "no") || ((bare === "call" || bare === "shift" || bare === "duty") && previous === "on")) {
      return { kind: "person", start: before[k + 1]?.start ?? token.start };
    }
    if (PRONOUNS.has(bare) || ROLES.has(bare)) return { kind: "person", start: token.start };
    if (SYSTEM_NOUNS.has(bare) || SYSTEM_NOUNS.has(bare.replace(/s$/, ""))) return { kind: "system", start: token.start };
    return { kind: "unknown", start: token.start };
  }
  return null;
}

function negatedBefore(text: string, index: number, window: number): boolean {
  return wordsBefore(text, index, window).some((t) => NEGATORS.has(t.word) || /^(?:nobody|anyone|no one)['’]s$/.test(t.word));
}

function allMatches(re: RegExp, text: string, keep?: (m: RegExpExecArray) => Span | null): Span[] {
  const spans: Span[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const span = keep ? keep(m) : { start: m.index, end: m.index + m[0].length };
    if (span) spans.push(span);
  }
  return spans;
}

const WORDS = new RegExp(WORD, "g");
const nextWords = (text: string, from: number, count: number) =>
  text
    .slice(from, from + 80)
    .toLowerCase()
    .match(WORDS)
    ?.slice(0, count) ?? [];

const HUMAN_ERROR = /\b(?:human\s+(?:error|mistake)s?|operator\s+errors?|pilot\s+error|pebkac)\b/gi;

const JUDGEMENT =
  /\b(?:careless(?:ly|ness)?|negligen(?:t|tly|ce)|sloppy|sloppily|sloppiness|lazy|laziness|incompeten(?:t|tly|ce)|reckless(?:ly|ness)?|irresponsibl[ey]|stupid(?:ly|ity)?|boneheaded|amateurish|rookie\s+mistakes?)\b/gi;
// "Lazy" is also a loading strategy.
const LAZY_TECHNICAL = /^[-\s]+(?:load|init|evaluat|eval|import|fetch|hydrat|propert|sequence|val\b|stream|seq\b|compil|mount|render|instantiat|singleton|static)/i;

const BLAME = /\b(?:blam(?:e|ed|es|ing)|blameworthy|scapegoat(?:ed|ing|s)?)\b(?![-‐](?:free|less))/gi;
// Only the senses of "fault" that point at someone; "segmentation fault", "fault-tolerant" and
// "the fault was in the load balancer" describe systems.
const FAULT = /\bfault\b(?![-\s]+(?:domains?|toleran\w*|injection|isolation|lines?|zones?|models?|trees?|handlers?|detection|codes?)\b)/gi;
const FAULT_LIES_WITH = /^\s+(?:lies|lay|lie|rests|rested)\s+with\b/i;
const FAULT_OF = /^\s+of\b/i;
const POSSESSIVE_PRONOUNS = words("my his her their our your");

// The span of a blaming "fault" phrase around `index`, or null for the technical senses. Found from
// the word "fault" outwards because a possessive-first regex backtracks badly on long tokens.
function faultSpan(text: string, index: number): Span | null {
  const end = index + 5;
  const [previous] = wordsBefore(text, index, 1);
  const after = text.slice(end, end + 24);
  const lies = FAULT_LIES_WITH.exec(after);
  if (lies) return { start: index, end: end + lies[0].length };
  if (!previous) return null;
  const of = FAULT_OF.exec(after);
  if (previous.word === "the" && of) return { start: previous.start, end: end + of[0].length };
  // "engineers' fault": the apostrophe after the plural was trimmed off the token.
  const possessive = /['’]s$/.test(previous.word) || /['’]/.test(text.charAt(previous.end)) || POSSESSIVE_PRONOUNS.has(previous.word);
  if (previous.word === "at" || previous.word === "whose" || possessive) {
    if (/^(?:nobody|anyone|anybody|one)['’]s$/.test(previous.word) || negatedBefore(text, previous.start, 3)) return null;
    return { start: previous.start, end };
  }
  return null;
}

const FAILED_TO = /\b(?:failed|fails|fail)\s+to\b/gi;

const SHOULD_HAVE = /\b(?:should(?:n['’]t|\s+not)?\s+have|should(?:n['’]t)?['’]ve|ought\s+(?:not\s+)?to\s+have)\b/gi;
// Verbs that describe something a person does; "the alert should have fired" uses none of them.
const HUMAN_VERBS = words(`checked double-checked verified tested reviewed noticed caught known realized realised asked waited escalated read followed
  looked seen confirmed communicated reverted used validated coordinated flagged raised thought considered spotted investigated acknowledged responded
  declared notified informed documented approved merged pushed listened paid taken done been called told warned stopped gone`);
// Passives that imply a person who missed something: "this should have been caught in review".
const HUMAN_PASSIVES = words(`caught noticed spotted tested reviewed checked verified flagged escalated reverted communicated documented validated
  acknowledged handled prevented avoided obvious clear detected questioned`);
const COUNTERFACTUAL_IF = new RegExp(String.raw`\b(?:if\s+(?:${WORD}\s+){1,3}?had|had\s+(?:anyone|someone|somebody|anybody|we|they|he|she|you|i)\s+(?:just\s+|only\s+)?[a-z-]+ed)\b`, "gi");

const LAPSE_VERBS = new RegExp(
  [
    String.raw`\b(?:broke|forgot|missed|neglected|ignored|overlooked|skipped|botched|fat-fingered|mistyped|misconfigured|misread|bothered|rubber-stamped)\b`,
    String.raw`\b(?:is|was)\s+(?:the\s+)?(?:(?:root\s+)?cause|reason|trigger|culprit)\b`,
    String.raw`\b(?:messed|screwed)\s+up\b`,
    String.raw`\b(?:did\s*n['’]?t|did\s+not|never)\s+(?:even\s+)?(?:bother|check|test|verify|notice|see|follow|read|review|wait|escalate|ack|acknowledge|update|tell|communicate|catch|realize|realise|look|run|think|ask|do|checked|tested|looked|read|bothered|noticed|followed|reviewed|verified)\b`,
    String.raw`\b(?:accidentally|mistakenly|wrongly|inadvertently)\b`,
    String.raw`\b(?:was|is|were|are)\s+responsible\s+for\s+(?:the\s+|this\s+)?(?:outage|incident|failure|breakage|downtime|data\s+loss|regression|mistake|bug)\b`,
    String.raw`\b(?:introduced|caused)\s+(?:a|an|the|this)\s+(?:bug|regression|outage|error|issue|problem|incident)\b`,
    String.raw`\b(?:took|brought)\s+(?:\S+\s+)?down\b`,
    String.raw`\b(?:pushed|deployed|shipped|merged|committed|applied|ran|made|wrote|rolled\s+out)\s+(?:a|an|the)\s+(?:bad|broken|faulty|wrong|buggy|untested|incorrect|unreviewed)(?:\s+${WORD})?`,
  ].join("|"),
  "gi",
);
// "Nobody noticed" says people missed it even though "noticed" is neutral on its own.
const NOBODY_NOTICED = new RegExp(String.raw`\b(?:nobody|no\s+one)\s+(?:${WORD}\s+){0,3}?(?:noticed|checked|caught|looked|reviewed|tested|verified|read|spotted|saw|acknowledged)\b`, "gi");
// Words after "thanks to Sam's" / "because of Priya's" that credit rather than blame.
const CREDIT = words("quick fast rapid rollback fix help diagnosis work response thinking effort efforts call calm question");

const CHANGE_NOUNS = String.raw`(?:change|changes|commit|commits|pr|pull\s+request|deploy|deployment|push|merge|config|migration|script|patch|edit|update|query|command|rollout|release|code)`;
const FAILURE_VERBS = String.raw`(?:(?:was|is)\s+the\s+(?:(?:root\s+)?cause|trigger|culprit)|broke|caused|took\s+down|brought\s+down|introduced|triggered|corrupted|deleted|wiped|dropped|overloaded|crashed|killed|disabled|removed)`;
const MISTAKE_NOUNS = String.raw`(?:mistake|fault|oversight|typo|blunder|slip(?:-up)?|screw-?up|lapse|negligence|carelessness|misconfiguration|error(?!\s+(?:budget|rate|rates|message|messages|log|logs|handling|code|codes|page|count))|(?:bad|botched|broken)\s+${WORD})`;

// Each runs at the end of a name found by check.ts (sticky), or just before one (CAUSAL_PREP).
const POSSESSIVE_MISTAKE = new RegExp(String.raw`['’]s\s+(?:${WORD}\s+)?${MISTAKE_NOUNS}\b`, "iy");
const POSSESSIVE_CHANGE_BROKE = new RegExp(String.raw`['’]s\s+(?:${WORD}\s+){0,2}?${CHANGE_NOUNS}\s+${FAILURE_VERBS}\b`, "iy");
const POSSESSIVE_WORD = new RegExp(String.raw`['’]s\s+(${WORD})`, "iy");
const CAUSAL_PREP = /\b(?:(?:caused|triggered|introduced|started|broken|initiated)\s+by|because\s+of|due\s+to|blame\s+on|on\s+account\s+of|thanks\s+to)\s+/gi;
// "The mistake was Sam's."
const MISTAKE_WAS = /\b(?:mistake|error|fault|oversight|typo|change|commit)\s+(?:was|is)\s+/gi;

function stickyAt(re: RegExp, text: string, index: number): RegExpExecArray | null {
  re.lastIndex = index;
  return re.exec(text);
}

// "caused by Sam", "because of Riley", "due to Priya's config change", but not "thanks to Sam's quick fix".
// The underline ends at the name: that is the part to reword.
function causalPrepSpans({ text, nameStarts }: RuleInput): Span[] {
  return allMatches(CAUSAL_PREP, text, (m) => {
    const nameEnd = nameStarts.get(m.index + m[0].length);
    if (nameEnd === undefined) return null;
    const noun = stickyAt(POSSESSIVE_WORD, text, nameEnd)?.[1]?.toLowerCase();
    if ((noun !== undefined && CREDIT.has(noun)) || (/^thanks/i.test(m[0]) && noun === undefined)) return null;
    return { start: m.index, end: nameEnd };
  });
}

function possessiveSpans({ text, nameStarts }: RuleInput): Span[] {
  const spans: Span[] = [];
  for (const [start, end] of nameStarts) {
    const m = stickyAt(POSSESSIVE_MISTAKE, text, end) ?? stickyAt(POSSESSIVE_CHANGE_BROKE, text, end);
    // "It wasn't Sam's fault" clears Sam rather than blaming him.
    if (m && !negatedBefore(text, start, 2)) spans.push({ start, end: end + m[0].length });
  }
  spans.push(
    ...allMatches(MISTAKE_WAS, text, (m) => {
      const nameEnd = nameStarts.get(m.index + m[0].length);
      return nameEnd !== undefined && /['’]s/.test(text.slice(nameEnd, nameEnd + 2)) ? { start: m.index, end: nameEnd + 2 } : null;
    }),
  );
  return spans;
}

const HAD_TO = new RegExp(String.raw`\b(?:just|simply|only)\s+(?:had|has|have|needed|needs|need)\s+to\b|\ball\s+(?:${WORD}\s+){1,3}?(?:had|has|needed|needs)\s+to\s+do\b`, "gi");
const OBVIOUSLY = /\bobviously\b|\banyone\s+could\s+(?:have\s+)?(?:see|seen|tell|told|spot|spotted)\b/gi;
const OBVIOUS = /\bobvious\b/gi;
const SIMPLY = /\bsimply\b/gi;

export const blameRules: BlameRule[] = [
  {
    id: "human-error",
    label: "“Human error”",
    why: "Calling it human error ends the analysis at a person and hides the conditions that made the slip easy to make.",
    suggestion: "Describe what made the action possible and likely: 'The command ran against production because the tool defaulted to the last-used context…'",
    match: ({ text }) => allMatches(HUMAN_ERROR, text),
  },
  {
    id: "judgement",
    label: "Judges the person",
    why: "Words like careless or sloppy judge someone's character instead of their situation, and make people less willing to say what really happened.",
    suggestion: "Describe the action and the conditions around it: 'The change was made at 2am, during a third consecutive page, with no second reviewer available.'",
    match: ({ text }) =>
      allMatches(JUDGEMENT, text, (m) => {
        const end = m.index + m[0].length;
        if (/^laz/i.test(m[0]) && LAZY_TECHNICAL.test(text.slice(end, end + 24))) return null;
        return { start: m.index, end };
      }),
  },
  {
    id: "blame-fault",
    label: "Blame or fault",
    why: "Assigning blame or fault settles who instead of asking how the system allowed it, and discourages candour in the next review.",
    suggestion: "Replace who was at fault with what contributed: 'Contributing factors were the missing pre-deploy check and…'",
    match: ({ text }) => [
      ...allMatches(BLAME, text, (m) => {
        const previous = wordsBefore(text, m.index, 1)[0]?.word;
        if (previous === "git" || negatedBefore(text, m.index, 3)) return null;
        return { start: m.index, end: m.index + m[0].length };
      }),
      ...allMatches(FAULT, text, (m) => faultSpan(text, m.index)),
    ],
  },
  {
    id: "failed-to",
    label: "“Failed to” about a person",
    why: "“Failed to” about a person frames a gap in the process or tooling as a personal shortcoming.",
    suggestion: "Describe what the system or process did not do and what made that likely: 'The deploy did not include…'",
    match: (input) => allMatches(FAILED_TO, input.text, (m) => (headBefore(input, m.index)?.kind === "person" ? { start: m.index, end: m.index + m[0].length } : null)),
  },
  {
    id: "should-have",
    label: "“Should have” about a person",
    why: "“Should have” measures someone against what only became clear afterwards, instead of explaining why their choice made sense at the time.",
    suggestion: "Describe what the person knew and saw at the time, and what would have made the other path easier: 'At 14:02 the dashboard showed…, so rolling forward looked safest.'",
    match: (input) => [
      ...allMatches(SHOULD_HAVE, input.text, (m) => {
        const span = { start: m.index, end: m.index + m[0].length };
        const after = nextWords(input.text, span.end, 8).filter((w) => !SKIP.has(w) && w !== "at" && w !== "least");
        const head = headBefore(input, m.index);
        if (head?.kind === "person") return span;
        if (after[0] === "been") {
          const passive = after[1] ?? "";
          const agentIsSystem = after[2] === "by" && after.slice(3).some((w) => SYSTEM_NOUNS.has(w) || SYSTEM_NOUNS.has(w.replace(/s$/, "")));
          return HUMAN_PASSIVES.has(passive) && !agentIsSystem ? span : null;
        }
        if (head?.kind === "system") return null;
        return HUMAN_VERBS.has(after[0] ?? "") ? span : null;
      }),
      ...allMatches(COUNTERFACTUAL_IF, input.text, (m) => {
        const span = { start: m.index, end: m.index + m[0].length };
        // "Had anyone looked…" only at the start of a clause; mid-clause "had" is ordinary past tense.
        if (/^had/i.test(m[0])) return wordsBefore(input.text, m.index, 1).length === 0 ? span : null;
        return headBefore(input, m.index + m[0].length - 3)?.kind === "person" ? span : null;
      }),
    ],
  },
  {
    id: "person-cause",
    label: "Person named as the cause",
    why: "Naming a person as the cause puts them, rather than the conditions around them, at the centre of the failure.",
    suggestion: "Make the change, tool or condition the subject and say what let it through: 'The config change to the edge proxies removed…, and no check caught it because…'",
    match: (input) => {
      const { text } = input;
      const spans = allMatches(LAPSE_VERBS, text, (m) => {
        const head = headBefore(input, m.index);
        if (head?.kind !== "person") return null;
        // Underline "Sam pushed a bad config" or "He forgot"; a role ("the SRE on shift") stays out
        // of the underline because its first word is not where the blame starts.
        const previous = wordsBefore(text, m.index, 1)[0];
        const adjacent = previous !== undefined && (input.names.has(previous.end) || PRONOUNS.has(previous.word));
        return { start: adjacent ? head.start : m.index, end: m.index + m[0].length };
      });
      spans.push(...allMatches(NOBODY_NOTICED, text));
      if (input.nameStarts.size > 0) spans.push(...causalPrepSpans(input), ...possessiveSpans(input));
      return spans;
    },
  },
  {
    id: "hindsight",
    label: "Hindsight wording",
    why: "Words like “obviously” or “simply” make the right move sound easy, which it usually only is once you know how things turned out.",
    suggestion: "Describe what was visible at the time and what made it hard to see: 'The only signal was a 2% rise in p99 latency on a dashboard nobody had open.'",
    match: (input) => {
      const { text } = input;
      return [
        ...allMatches(HAD_TO, text),
        ...allMatches(OBVIOUSLY, text),
        ...allMatches(OBVIOUS, text, (m) => {
          const before = wordsBefore(text, m.index, 3).map((t) => t.word);
          const judged = /^\s+(?:mistake|error|oversight|fix|thing|answer|solution)\b/i.test(text.slice(m.index + 7, m.index + 20));
          const asserted = ["was", "were", "is", "are", "seemed", "seems", "been", "looked", "be"].includes(before[0] ?? "");
          if (before.some((w) => NEGATORS.has(w)) || !(judged || asserted)) return null;
          return { start: m.index, end: m.index + m[0].length };
        }),
        // "The scheduler simply skipped jobs" describes a system; "Riley simply went back to sleep" does not.
        ...allMatches(SIMPLY, text, (m) => (headBefore(input, m.index)?.kind === "system" ? null : { start: m.index, end: m.index + m[0].length })),
      ];
    },
  },
];
