import { z } from "zod";
import { dateInput } from "@/lib/validation/dates";
import { listCursor } from "@/lib/validation/cursor";
import { int4 } from "@/lib/validation/numbers";
import { text } from "@/lib/validation/text";

export const auditCursor = z.object({ id: z.number().int().positive() });

export const listAuditInput = z.object({
  actorId: z.uuid().optional(),
  entityType: text({ max: 60 }).optional(),
  action: text({ max: 80 }).optional(),
  from: dateInput().optional(),
  to: dateInput().optional(),
  // Keyset pagination: the id of the last row of the previous page, opaque like every list cursor.
  cursor: listCursor(auditCursor).optional(),
  limit: int4({ min: 1, max: 200 }).default(50),
});

export const auditEntryOutput = z.object({
  id: z.number(),
  actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  /** The entity by name or reference (INC-12), when it still exists. */
  subject: z.string().nullable(),
  /** before/after as readable lines, ids replaced by names. */
  changes: z.array(z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  createdAt: z.date(),
});

export const listAuditOutput = z.object({ entries: z.array(auditEntryOutput), nextCursor: z.string().nullable() });
