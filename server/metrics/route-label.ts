// The `route` label of the HTTP histogram: a pattern, never the raw path, so the number of series
// stays bounded whatever clients send. Ids become :id, numbers :n, references (INC-12) :ref, a tRPC
// batch one label; and a path the app did not know (404) is "(unknown)", so scanning for random paths
// adds nothing.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function segmentPattern(segment: string): string {
  if (UUID.test(segment)) return ":id";
  if (/^\d+$/.test(segment)) return ":n";
  if (/^[A-Za-z]+-\d+$/.test(segment)) return ":ref";
  return segment;
}

export function routeLabel(url: string | undefined, status: number): string {
  if (status === 404) return "(unknown)";
  const path = (url ?? "/").split("?")[0] ?? "/";
  if (path.startsWith("/_next/")) return "/_next/*";
  if (path.startsWith("/api/trpc/")) return path.includes(",") ? "/api/trpc/(batch)" : path;
  return path.split("/").map(segmentPattern).join("/") || "/";
}
