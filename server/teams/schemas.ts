import { z } from "zod";
import { text } from "@/lib/validation/text";

export const createTeamInput = z.object({
  name: text({ min: 1, minMessage: "Enter a team name", max: 80 }),
  description: text({ max: 500 }).default(""),
});
export const teamMemberInput = z.object({ teamId: z.uuid(), userId: z.uuid(), isLead: z.boolean().default(false) });
export const removeTeamMemberInput = z.object({ teamId: z.uuid(), userId: z.uuid() });

export const teamOutput = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  members: z.array(z.object({ userId: z.uuid(), name: z.string(), email: z.string(), isLead: z.boolean() })),
});
export type TeamOutput = z.infer<typeof teamOutput>;
