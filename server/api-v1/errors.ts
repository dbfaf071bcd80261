// The REST API's one error shape: {"code":"invalid","message":"severity: …","field":"severity"}.
// Codes are stable words clients can branch on; messages are for people; never a stack or SQL.

export const apiErrorCodes = ["invalid", "unauthorized", "forbidden", "not_found", "conflict", "rate_limited", "too_large", "unsupported_media_type", "unavailable", "internal"] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];
export type ApiError = { code: ApiErrorCode; message: string; field?: string };

const statusOf: Record<ApiErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  too_large: 413,
  unsupported_media_type: 415,
  unavailable: 503,
  internal: 500,
};
export const httpStatusOf = (code: ApiErrorCode) => statusOf[code];

const byTrpcCode: Record<string, ApiErrorCode> = {
  PARSE_ERROR: "invalid",
  BAD_REQUEST: "invalid",
  UNPROCESSABLE_CONTENT: "invalid",
  UNAUTHORIZED: "unauthorized",
  FORBIDDEN: "forbidden",
  NOT_FOUND: "not_found",
  METHOD_NOT_SUPPORTED: "not_found",
  CONFLICT: "conflict",
  TOO_MANY_REQUESTS: "rate_limited",
  PAYLOAD_TOO_LARGE: "too_large",
  UNSUPPORTED_MEDIA_TYPE: "unsupported_media_type",
  SERVICE_UNAVAILABLE: "unavailable",
};

type Issue = { path?: PropertyKey[]; message?: string };
type TrpcErrorBody = { code?: string; message?: string; issues?: Issue[]; data?: { fieldErrors?: Record<string, string[]> | null } };

/** A procedure's failure, in tRPC's error shape, as the API's own. */
export function toApiError(body: TrpcErrorBody, status: number): ApiError {
  const code = byTrpcCode[body.code ?? ""] ?? (status === 404 ? "not_found" : "internal");
  if (body.issues?.length) {
    // Input validation: "field: what is wrong" for each issue, the first one's field named.
    const message = body.issues.map((issue) => (issue.path?.length ? `${issue.path.join(".")}: ${issue.message}` : String(issue.message))).join("; ");
    const first = body.issues[0]?.path;
    return { code: "invalid", message, ...(first?.length ? { field: first.join(".") } : {}) };
  }
  if (code === "internal") return { code, message: body.message?.startsWith("Something went wrong") ? body.message : "Something went wrong on our side. Try again." };
  const field = Object.keys(body.data?.fieldErrors ?? {})[0];
  return { code, message: body.message ?? "The request failed.", ...(field ? { field } : {}) };
}

export const apiErrorSchema = {
  type: "object",
  properties: {
    code: { type: "string", enum: [...apiErrorCodes], description: "Stable: branch on this" },
    message: { type: "string", description: "For people: what went wrong and what to do" },
    field: { type: "string", description: "The input field at fault, when there is one" },
  },
  required: ["code", "message"],
} as const;
