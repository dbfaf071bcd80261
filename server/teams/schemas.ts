import { z } from "zod";

export const createTeamInput = z.object({
  name: z.string().trim().min(1, "Enter a team name").max(80),
  description: z.string().trim().max(500).default(""),
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
