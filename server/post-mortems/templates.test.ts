import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, postMortems, postMortemTemplates } from "@/db/schema";
import type { Actor } from "@/server/context";
import { declareIncident } from "@/server/incidents/declare";
import { contextFor, createActor } from "@/test/actors";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { callProcedure } from "@/test/trpc-call";
import { createTemplate } from "./create-template";
import { deleteTemplate } from "./delete-template";
import { listTemplates } from "./list-templates";
import { setDefaultTemplate } from "./set-default-template";
import { startPostMortem } from "./start";
import { updateTemplate } from "./update-template";

let database: TestDatabase;
let admin: Actor;
let responder: Actor;
beforeAll(async () => {
  database = await createTestDatabase();
  admin = await createActor(database.db, "admin", "Ada Admin");
  responder = await createActor(database.db, "responder", "Pat Commander");
});
afterAll(() => database.close());

const sections = [
  { title: "What happened", guidance: "In two sentences." },
  { title: "Customer impact", guidance: "Who noticed, for how long." },
  { title: "Follow-ups", guidance: "" },
];
const auditRows = (entityId: string, action: string) =>
  database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));

describe("post-mortem templates", () => {
  it("an admin creates a template with its sections; the audit log records it; the default stays the default", async () => {
    const ctx = contextFor(database.db, admin);
    const created = await createTemplate({ ctx, input: { name: "Security incident", sections } });
    expect(created).toMatchObject({ name: "Security incident", sections, isDefault: false });
    const [row] = await auditRows(created.id, "post_mortem_template.created");
    expect(row).toMatchObject({ actorId: admin.id, requestId: ctx.requestId, after: { name: "Security incident" } });
    const list = await listTemplates({ ctx: contextFor(database.db, responder) });
    expect(list[0]?.isDefault).toBe(true);
    expect(list.map((template) => template.name)).toContain("Security incident");
  });

  it("edits reorder, change and remove sections, recording before and after, in one write", async () => {
    const ctx = contextFor(database.db, admin);
    const created = await createTemplate({ ctx, input: { name: "Vendor outage", sections } });
    const edited = [
      { title: "Customer impact", guidance: "Which customers, how long." },
      { title: "What happened", guidance: "In two sentences." },
    ];
    const updated = await updateTemplate({ ctx, input: { templateId: created.id, name: "Vendor outage (short)", sections: edited } });
    expect(updated.sections).toEqual(edited);
    const [row] = await auditRows(created.id, "post_mortem_template.updated");
    expect(row).toMatchObject({ before: { name: "Vendor outage", sections }, after: { name: "Vendor outage (short)", sections: edited } });
    await expect(updateTemplate({ ctx, input: { templateId: created.id, name: "security INCIDENT", sections: edited } })).rejects.toMatchObject({ kind: "conflict" });
    const [unchanged] = await database.db.select().from(postMortemTemplates).where(eq(postMortemTemplates.id, created.id));
    expect(unchanged?.name).toBe("Vendor outage (short)");
  });

  it("setting a default leaves exactly one, and new post-mortems start from it unless the commander picks another", async () => {
    const ctx = contextFor(database.db, admin);
    const security = (await listTemplates({ ctx })).find((template) => template.name === "Security incident");
    await setDefaultTemplate({ ctx, input: { templateId: security!.id } });
    const defaults = await database.db.select().from(postMortemTemplates).where(eq(postMortemTemplates.isDefault, true));
    expect(defaults.map((template) => template.id)).toEqual([security!.id]);
    expect(await auditRows(security!.id, "post_mortem_template.default_set")).toHaveLength(1);

    const declare = () => declareIncident({ ctx: contextFor(database.db, responder), input: { title: "Keys leaked", severityId: 2, kind: "incident", summary: "", serviceIds: [], isPrivate: false } });
    const first = await startPostMortem({ ctx: contextFor(database.db, responder), input: { incidentId: (await declare()).id } });
    const [fromDefault] = await database.db.select().from(postMortems).where(eq(postMortems.id, first.id));
    expect(fromDefault).toMatchObject({ templateId: security!.id, sections });

    const other = (await listTemplates({ ctx })).find((template) => template.name === "Vendor outage (short)");
    const second = await startPostMortem({ ctx: contextFor(database.db, responder), input: { incidentId: (await declare()).id, templateId: other!.id } });
    const [picked] = await database.db.select().from(postMortems).where(eq(postMortems.id, second.id));
    expect(picked?.templateId).toBe(other!.id);
    expect(picked?.sections.map((section) => section.title)).toEqual(["Customer impact", "What happened"]);
  });

  it("only admins manage templates, and inputs are checked with messages a person can act on", async () => {
    const ctx = contextFor(database.db, responder);
    await expect(createTemplate({ ctx, input: { name: "Mine", sections } })).rejects.toMatchObject({ kind: "forbidden" });
    const refused = await callProcedure(database.db, responder, "postMortems.createTemplate", { name: "Mine", sections }, "mutation");
    expect(refused.status).toBe(403);
    const duplicate = await callProcedure(database.db, admin, "postMortems.createTemplate", { name: "Twice", sections: [sections[0], { ...sections[0], title: "WHAT HAPPENED" }] }, "mutation");
    expect(duplicate.status).toBe(400);
    expect(JSON.stringify(duplicate.error)).toContain("Two sections have the same title");
    const empty = await callProcedure(database.db, admin, "postMortems.createTemplate", { name: " ", sections: [] }, "mutation");
    expect(JSON.stringify(empty.error)).toContain("Name the template");
    expect(JSON.stringify(empty.error)).toContain("A template needs at least one section");
    expect(await database.db.select().from(postMortemTemplates).where(eq(postMortemTemplates.name, "Twice"))).toHaveLength(0);
    const missing = await callProcedure(database.db, admin, "postMortems.setDefaultTemplate", { templateId: "00000000-0000-4000-8000-000000000000" }, "mutation");
    expect(missing.status).toBe(404);
  });

  it("deleting a template keeps the post-mortems started from it; the default cannot be deleted", async () => {
    const ctx = contextFor(database.db, admin);
    const doomed = await createTemplate({ ctx, input: { name: "Short lived", sections } });
    const incident = await declareIncident({
      ctx: contextFor(database.db, responder),
      input: { title: "Queue backlog", severityId: 3, kind: "incident", summary: "", serviceIds: [], isPrivate: false },
    });
    const started = await startPostMortem({ ctx: contextFor(database.db, responder), input: { incidentId: incident.id, templateId: doomed.id } });

    const byResponder = await callProcedure(database.db, responder, "postMortems.deleteTemplate", { templateId: doomed.id }, "mutation");
    expect(byResponder.status).toBe(403);
    await deleteTemplate({ ctx, input: { templateId: doomed.id } });
    expect((await listTemplates({ ctx })).map((template) => template.name)).not.toContain("Short lived");
    const [kept] = await database.db.select().from(postMortems).where(eq(postMortems.id, started.id));
    expect(kept).toMatchObject({ templateId: null, sections });
    const [row] = await auditRows(doomed.id, "post_mortem_template.deleted");
    expect(row).toMatchObject({ actorId: admin.id, before: { name: "Short lived", sections } });

    const current = (await listTemplates({ ctx })).find((template) => template.isDefault)!;
    const refused = await callProcedure(database.db, admin, "postMortems.deleteTemplate", { templateId: current.id }, "mutation");
    expect(refused.status).toBe(400);
    expect(refused.error?.message).toMatch(/Make another template the default first/);
    expect((await listTemplates({ ctx })).find((template) => template.isDefault)?.id).toBe(current.id);
    const again = await callProcedure(database.db, admin, "postMortems.deleteTemplate", { templateId: doomed.id }, "mutation");
    expect(again.status).toBe(404);
  });
});
