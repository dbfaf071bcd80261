import { randomUUID } from "node:crypto";
import { getDb } from "@/db/client";
import { currentUser } from "@/server/auth/current-user";
import { actionItemsCsv } from "./export-csv";
import { actionItemFilters } from "./schemas";

/** GET handler body: filters come from the query string, exactly as the dashboard's URL holds them. */
export async function csvDownload(request: Request): Promise<Response> {
  const user = await currentUser();
  if (!user) return new Response("Sign in to export action items.", { status: 401 });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filters = actionItemFilters.safeParse(params);
  if (!filters.success) return new Response(`That filter is not valid: ${filters.error.issues[0]?.message ?? "check the URL"}.`, { status: 400 });
  const csv = await actionItemsCsv({ db: await getDb(), actor: user, requestId: randomUUID() }, filters.data);
  const filename = `action-items-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"` } });
}
