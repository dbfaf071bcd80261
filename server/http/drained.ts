// Back-pressure for streamed answers (tRPC's and the live feed's server-sent events).
import type http from "node:http";

/** Resolves when a response that refused a write can take more, or has closed (streams wait on it). */
export function drainedOrClosed(res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.once("drain", done);
    res.once("close", done);
  });
}
