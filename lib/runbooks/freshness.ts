// How much a runbook can be trusted right now. Pure: the caller loads the inputs and passes the clock.
//
// Rules (the worst one wins; every rule that applies adds a reason):
// - Review overdue: last review (or creation, if never reviewed) + review interval is past → stale.
// - Review due within 14 days → review soon.
// - An open action item targets the runbook → review soon; if one of them is past its due date → stale.
// - Unhelpful feedback since the last review or edit (whichever is later) → review soon; 2 or more → stale.
//   An edit resets this count: the edit is presumably the answer to the feedback.
// - Neither used in an incident, reviewed nor edited for 180 days → review soon (nobody knows if it still works).

export const freshnessStates = ["fresh", "review_soon", "stale"] as const;
export type FreshnessState = (typeof freshnessStates)[number];
export type Freshness = { state: FreshnessState; reasons: string[] };

export const freshnessLabels: Record<FreshnessState, string> = { fresh: "Fresh", review_soon: "Review soon", stale: "Stale" };

export type FreshnessInput = {
  createdAt: Date;
  updatedAt: Date;
  lastReviewedAt: Date | null;
  lastUsedAt: Date | null;
  reviewIntervalDays: number;
  // Due dates of open (open or in progress) action items that target this runbook.
  openActionItemDueDates: Date[];
  // When each piece of "not helpful" feedback was given.
  unhelpfulFeedbackAt: Date[];
};

const DAY_MS = 86_400_000;
export const REVIEW_SOON_DAYS = 14;
export const IDLE_DAYS = 180;

const rank: Record<FreshnessState, number> = { fresh: 0, review_soon: 1, stale: 2 };
const day = (date: Date) => date.toISOString().slice(0, 10);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const latest = (...dates: (Date | null)[]) => new Date(Math.max(...dates.filter((d): d is Date => d !== null).map((d) => d.getTime())));

export function computeFreshness(input: FreshnessInput, now: Date): Freshness {
  const findings: { state: FreshnessState; reason: string }[] = [];
  const add = (state: FreshnessState, reason: string) => findings.push({ state, reason });

  const reviewedFrom = input.lastReviewedAt ?? input.createdAt;
  const reviewDue = new Date(reviewedFrom.getTime() + input.reviewIntervalDays * DAY_MS);
  const daysLeft = Math.ceil((reviewDue.getTime() - now.getTime()) / DAY_MS);
  if (reviewDue.getTime() < now.getTime()) {
    add("stale", input.lastReviewedAt ? `Review overdue since ${day(reviewDue)} (last reviewed ${day(input.lastReviewedAt)})` : `Never reviewed; review was due ${day(reviewDue)}`);
  } else if (daysLeft <= REVIEW_SOON_DAYS) {
    add("review_soon", daysLeft <= 0 ? "Review due today" : `Review due in ${plural(daysLeft, "day")}`);
  }

  const overdueItems = input.openActionItemDueDates.filter((due) => due.getTime() < now.getTime()).length;
  if (overdueItems > 0) add("stale", `${plural(overdueItems, "overdue action item")} ${overdueItems === 1 ? "targets" : "target"} this runbook`);
  const pendingItems = input.openActionItemDueDates.length - overdueItems;
  if (pendingItems > 0) add("review_soon", `${plural(pendingItems, "open action item")} ${pendingItems === 1 ? "targets" : "target"} this runbook`);

  const feedbackSince = latest(input.lastReviewedAt, input.updatedAt, input.createdAt);
  const unhelpful = input.unhelpfulFeedbackAt.filter((at) => at.getTime() > feedbackSince.getTime()).length;
  if (unhelpful > 0) add(unhelpful >= 2 ? "stale" : "review_soon", `Marked not helpful ${unhelpful === 1 ? "once" : `${unhelpful} times`} since the last review or edit`);

  const lastActivity = latest(input.lastUsedAt, input.lastReviewedAt, input.updatedAt, input.createdAt);
  if (now.getTime() - lastActivity.getTime() > IDLE_DAYS * DAY_MS) add("review_soon", `Not used, reviewed or edited for over ${IDLE_DAYS} days`);

  const state = findings.reduce<FreshnessState>((worst, f) => (rank[f.state] > rank[worst] ? f.state : worst), "fresh");
  // Worst reasons first, so a badge's tooltip leads with what made it stale.
  const reasons = findings.sort((a, b) => rank[b.state] - rank[a.state]).map((f) => f.reason);
  return { state, reasons };
}

/** Sort key for "stale first": stale 0, review soon 1, fresh 2. */
export const freshnessOrder = (state: FreshnessState) => 2 - rank[state];
