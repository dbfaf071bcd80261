// Changes to one incident take its row lock one at a time anyway. Waiting for that turn here, in
// memory, instead of in PostgreSQL's lock queue means a busy incident (50 notes a second) never holds
// every pooled connection while it waits: lists, other incidents and sign-ins keep theirs.
// Across instances the row lock still orders everything; this only keeps the waiting cheap.
const tails = new Map<string, Promise<unknown>>();

export async function inTurn<T>(incidentId: string, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(incidentId) ?? Promise.resolve();
  const run = previous.then(work, work);
  const tail = run.then(
    () => {},
    () => {},
  );
  tails.set(incidentId, tail);
  try {
    return await run;
  } finally {
    if (tails.get(incidentId) === tail) tails.delete(incidentId);
  }
}
