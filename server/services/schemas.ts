import { z } from "zod";

export const serviceOutput = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  tier: z.number().int(),
  ownerTeam: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
