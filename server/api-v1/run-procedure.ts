// Runs the tRPC procedure an /api/v1 route names, the way tRPC's own HTTP handler does: through
// callTRPCProcedure, so the procedure's middlewares (scope, sign-in, role), input and output schemas
// run exactly as for the UI. trpc-to-openapi still writes the OpenAPI document from the same metadata;
// its request handler is not used, because per call it matched every route pattern, walked and
// mutated the input schema to coerce it, built a caller proxy, and wrapped the answer for us to read
// back: a REST call cost noticeably more than the same tRPC call.
import { callTRPCProcedure, getTRPCErrorFromUnknown, getTRPCErrorShape } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { Context } from "@/server/trpc/context";
import { appRouter } from "@/server/trpc/root";
import { httpStatusOf, toApiError } from "./errors";
import type { StoredAnswer } from "./idempotency";
import type { ApiRoute } from "./routes";

/** The procedure's answer as JSON text, or its failure in the API's error shape with that error's status. */
export async function runProcedure(route: ApiRoute, input: unknown, ctx: Context): Promise<StoredAnswer> {
  try {
    const data = await callTRPCProcedure({
      router: appRouter,
      path: route.procedure,
      type: route.type,
      ctx,
      getRawInput: async () => input,
      // Procedures called over REST finish or fail on their own; none of them streams.
      signal: undefined,
      batchIndex: 0,
    });
    return { status: 200, body: JSON.stringify(data) ?? "null" };
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause);
    // The shape the UI gets (init.ts's errorFormatter names the fields at fault), then the API's.
    const shape = getTRPCErrorShape({ config: appRouter._def._config, error, type: route.type, path: route.procedure, input, ctx });
    const isInvalidInput = error.code === "BAD_REQUEST" && error.cause?.name === "ZodError";
    const issues = isInvalidInput ? (error.cause as unknown as { issues: { path?: PropertyKey[]; message?: string }[] }).issues : undefined;
    const answer = toApiError({ ...shape, code: error.code, issues }, getHTTPStatusCodeFromError(error));
    return { status: httpStatusOf(answer.code), body: JSON.stringify(answer) };
  }
}
