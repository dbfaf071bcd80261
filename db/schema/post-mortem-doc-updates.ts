import { bigint, customType, index, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { postMortems } from "./post-mortems";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

// Every Yjs update a client sends is appended here before the server acknowledges it, so an
// acknowledged edit survives a crash. The debounced store folds these rows into
// post_mortems.document_state and deletes them in the same transaction.
export const postMortemDocUpdates = pgTable(
  "post_mortem_doc_updates",
  {
    seq: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    postMortemId: uuid()
      .notNull()
      .references(() => postMortems.id),
    update: bytea().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("post_mortem_doc_updates_doc_idx").on(t.postMortemId, t.seq)],
);
