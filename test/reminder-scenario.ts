// A workspace with every kind of reminder due at `now`, and how many of each that should produce.
import type { Db } from "@/db/client";
import { createActor } from "./actors";
import { at, createItem, createRunbook, createTeam, days, hours } from "./reminder-fixtures";

export async function seedReminderScenario(db: Db, now: Date): Promise<{ expected: number; emails: number }> {
  const lead = await createActor(db, "responder", "Lou Lead");
  const owners = [await createActor(db, "responder", "Ann Owner"), await createActor(db, "responder", "Ben Owner"), await createActor(db, "viewer", "Cy Owner")];
  const teamId = await createTeam(db, lead, owners);
  for (const [index, owner] of owners.entries()) {
    for (let n = 0; n < 3; n++) {
      await createItem(db, { owner, teamId, dueAt: at(now, -days(index + n + 1)), title: `Overdue ${owner.name} ${n}` });
      await createItem(db, { owner, teamId, dueAt: at(now, hours(6 + n * 12)), title: `Due soon ${owner.name} ${n}` });
    }
  }
  await createRunbook(db, { author: lead, teamId, createdAt: at(now, -days(120)), title: "Restore from backup" });
  // 9 overdue + 9 due soon + 1 digest (one lead) + 1 runbook review (one lead), each with an email.
  return { expected: 20, emails: 20 };
}
