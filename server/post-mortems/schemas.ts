import { z } from "zod";
import { postMortemStatuses } from "@/lib/post-mortem-status";

export const startPostMortemInput = z.object({ incidentId: z.uuid() });
export const postMortemIdInput = z.object({ postMortemId: z.uuid() });

export const postMortemOutput = z.object({
  id: z.uuid(),
  status: z.enum(postMortemStatuses),
  revision: z.number(),
  incident: z.object({ id: z.uuid(), reference: z.string(), title: z.string(), isPrivate: z.boolean() }),
  owner: z.object({ id: z.uuid(), name: z.string() }),
  sections: z.array(z.object({ title: z.string(), guidance: z.string() })),
  canEdit: z.boolean(),
  updatedAt: z.date(),
});

export const postMortemListItemOutput = postMortemOutput.omit({ sections: true, canEdit: true }).extend({ reviewDueAt: z.date().nullable() });
