import { z } from "zod";

export const listAuditInput = z.object({
  actorId: z.uuid().optional(),
  entityType: z.string().trim().max(60).optional(),
  action: z.string().trim().max(80).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  // Keyset pagination: the id of the last row of the previous page.
  cursor: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const auditEntryOutput = z.object({
  id: z.number(),
  actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  createdAt: z.date(),
});

export const listAuditOutput = z.object({ entries: z.array(auditEntryOutput), nextCursor: z.number().nullable() });
