import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import { incidentRoleAssignments, incidentRoleTypes, postMortems, postMortemTemplates } from "@/db/schema";
import type { ServiceContext } from "@/server/context";
import { conflict, invalid } from "@/server/errors";
import { mutateIncident } from "@/server/incidents/mutate";
import { reference } from "@/server/incidents/access";
import { initialDocumentState, templateDocument } from "./initial-document";
import type { startFromTemplateInput } from "./schemas";

/**
 * Starts the incident's post-mortem from the chosen template (or the default one), once the incident is mitigated or
 * resolved — or earlier by its commander. One per incident; the start is a timeline event.
 */
export async function startPostMortem({ ctx, input }: { ctx: ServiceContext; input: z.infer<typeof startFromTemplateInput> }) {
  let postMortemId = "";
  await mutateIncident(ctx, { incidentId: input.incidentId, expectedVersion: null }, async (tx, incident) => {
    const [existing] = await tx.select({ id: postMortems.id }).from(postMortems).where(eq(postMortems.incidentId, incident.id));
    if (existing) throw conflict("This incident already has a post-mortem. Open it from the incident page.");
    if (!incident.mitigatedAt) {
      const [command] = await tx
        .select({ userId: incidentRoleAssignments.userId })
        .from(incidentRoleAssignments)
        .innerJoin(incidentRoleTypes, eq(incidentRoleTypes.id, incidentRoleAssignments.roleTypeId))
        .where(and(eq(incidentRoleAssignments.incidentId, incident.id), eq(incidentRoleTypes.key, "commander"), isNull(incidentRoleAssignments.releasedAt)));
      if (command?.userId !== ctx.actor.id) throw invalid("A post-mortem starts once the incident is mitigated. Until then only its commander can start one.");
    }
    const [template] = await tx
      .select()
      .from(postMortemTemplates)
      .where(input.templateId ? eq(postMortemTemplates.id, input.templateId) : eq(postMortemTemplates.isDefault, true))
      .limit(1)
      // Shared lock: an admin deleting this template at the same instant waits for the start to finish.
      .for("share");
    if (!template && input.templateId) throw invalid("That template no longer exists. Reload the page and choose another.", "templateId");
    if (!template) throw new Error("no default post-mortem template; migrations not applied?");
    const id = randomUUID();
    const document = templateDocument(`${reference(incident)} post-mortem: ${incident.title}`, template.sections, incident.id, id, incident.summary);
    const [created] = await tx
      .insert(postMortems)
      .values({ id, incidentId: incident.id, templateId: template.id, ownerId: ctx.actor.id, sections: template.sections, documentState: initialDocumentState(document), content: document })
      .returning({ id: postMortems.id });
    if (!created) throw new Error("insert returned no row");
    postMortemId = created.id;
    return {
      changesState: false,
      events: [{ kind: "post_mortem.started", data: { postMortemId: created.id, template: template.name } }],
      audit: { action: "post_mortem.started", after: { postMortemId: created.id } },
    };
  });
  return { id: postMortemId };
}
