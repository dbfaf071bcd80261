import { z } from "zod";
import { userRoles } from "@/db/schema";
import { apiScopeNames } from "@/lib/api-scopes";
import { id } from "@/lib/validation/ids";
import { int4 } from "@/lib/validation/numbers";
import { text } from "@/lib/validation/text";

export const createApiTokenInput = z.object({
  name: text({ min: 1, minMessage: "Give the token a name", max: 80, maxMessage: "Keep the name under 80 characters" }),
  scopes: z
    .array(z.enum(apiScopeNames))
    .min(1, "Choose at least one scope")
    .max(apiScopeNames.length)
    .transform((scopes) => [...new Set(scopes)]),
  // Whole days from now; omitted, the token does not expire.
  expiresInDays: int4({ min: 1, max: 3650, message: "Choose an expiry between 1 and 3650 days" }).optional(),
  teamId: id().optional(),
  requestsPerMinute: int4({ min: 1, max: 100_000, message: "Choose between 1 and 100000 requests a minute" }).default(1200),
  // Personal: acts with no more than its creator's role, and stops when they are deactivated.
  personal: z.boolean().default(false),
});

export const apiTokenIdInput = z.object({ tokenId: id() });

export const apiTokenOutput = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  role: z.enum(userRoles),
  team: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  owner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdBy: z.object({ id: z.uuid(), name: z.string() }),
  requestsPerMinute: z.number(),
  createdAt: z.date(),
  expiresAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
  lastUsedFrom: z.string().nullable(),
  revokedAt: z.date().nullable(),
});
export type ApiTokenOutput = z.infer<typeof apiTokenOutput>;
