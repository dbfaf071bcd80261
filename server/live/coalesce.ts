/**
 * Folds a burst of calls into at most one run per `intervalMs`: the first call runs at once, later
 * ones within the interval are merged into a single trailing run. An alert storm of hundreds of
 * NOTIFYs a second thus costs each open page one refetch a second, not hundreds.
 */
export function coalesce(run: () => void, intervalMs: number) {
  let lastRun = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    timer = undefined;
    lastRun = Date.now();
    run();
  };
  return () => {
    if (timer) return;
    const wait = lastRun + intervalMs - Date.now();
    if (wait <= 0) fire();
    else {
      timer = setTimeout(fire, wait);
      timer.unref?.();
    }
  };
}
