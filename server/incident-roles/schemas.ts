import { z } from "zod";

export const createRoleTypeInput = z.object({
  name: z.string().trim().min(2, "Name the role").max(60),
  guide: z.string().trim().min(1, "Say in a sentence what this role does").max(500),
});

export const roleTypeOutput = z.object({ id: z.uuid(), key: z.string(), name: z.string(), guide: z.string(), isBuiltin: z.boolean() });
