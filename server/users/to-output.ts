import type { User } from "@/db/schema";
import type { UserOutput } from "./schemas";

// Whitelists what leaves the server about a user: never the password hash.
export const toUserOutput = (user: User): UserOutput => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  isActive: user.deactivatedAt === null,
  createdAt: user.createdAt,
});
