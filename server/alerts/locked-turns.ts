// A storm of new alerts routes each one into incidents under group locks, so such requests take turns
// anyway. Without this gate each one would hold a pool connection while it waited for its turn, and
// the people working the incident would get 503s for want of a connection (the bench saw exactly that
// with 16 senders posting 10 new alerts each). So at most LOCKED_AT_ONCE locked stores run per
// process; the others wait here, holding nothing, for as long as their sender is willing to wait.
const LOCKED_AT_ONCE = 3;

let running = 0;
const waiting: (() => void)[] = [];

export async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  // A finished turn hands its slot straight to the next in line, so `running` counts held slots.
  if (running < LOCKED_AT_ONCE) running++;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}
