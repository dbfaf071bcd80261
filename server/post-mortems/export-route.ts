import { randomUUID } from "node:crypto";
import { getDb } from "@/db/client";
import { parseRouteId } from "@/lib/validation/ids";
import { currentUser } from "@/server/auth/current-user";
import { DomainError } from "@/server/errors";
import { exportPostMortemMarkdown } from "./export-markdown";

/** GET handler body for the Markdown download: signed-in users who may see the post-mortem. */
export async function markdownDownload(segment: string): Promise<Response> {
  const user = await currentUser();
  if (!user) return new Response("Sign in to download this post-mortem.", { status: 401 });
  const postMortemId = parseRouteId(segment);
  if (!postMortemId) return new Response("Not found", { status: 404 });
  try {
    const { filename, markdown } = await exportPostMortemMarkdown({ ctx: { db: await getDb(), actor: user, requestId: randomUUID() }, input: { postMortemId } });
    return new Response(markdown, { headers: { "content-type": "text/markdown; charset=utf-8", "content-disposition": `attachment; filename="${filename}"` } });
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") return new Response("Not found", { status: 404 });
    throw error;
  }
}
