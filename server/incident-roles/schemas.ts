import { z } from "zod";
import { text } from "@/lib/validation/text";

export const createRoleTypeInput = z.object({
  name: text({ min: 2, minMessage: "Name the role", max: 60 }),
  guide: text({ min: 1, minMessage: "Say in a sentence what this role does", max: 500 }),
});

export const roleTypeOutput = z.object({ id: z.uuid(), key: z.string(), name: z.string(), guide: z.string(), isBuiltin: z.boolean() });
