import { z } from "zod";
import { userRoles } from "@/db/schema";
import { text } from "@/lib/validation/text";

export const roleSchema = z.enum(userRoles);
const email = z
  .email("Enter a valid email address")
  .max(254)
  .transform((value) => value.toLowerCase());
const name = text({ min: 1, minMessage: "Enter a name", max: 120 });
export const newPassword = text({ min: 10, minMessage: "Use at least 10 characters", max: 200, keepSpaces: true });

export const createUserInput = z.object({ email, name, role: roleSchema, password: newPassword });
export const changeRoleInput = z.object({ userId: z.uuid(), role: roleSchema });
export const setActiveInput = z.object({ userId: z.uuid(), isActive: z.boolean() });
export const createFirstAdminInput = z.object({ email, name, password: newPassword });

export const userOutput = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  isActive: z.boolean(),
  createdAt: z.date(),
});
export type UserOutput = z.infer<typeof userOutput>;

export const directoryEntryOutput = z.object({ id: z.uuid(), name: z.string() });
