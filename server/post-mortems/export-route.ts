import { randomUUID } from "node:crypto";
import { getDb } from "@/db/client";
import { currentUser } from "@/server/auth/current-user";
import { DomainError } from "@/server/errors";
import { exportPostMortemMarkdown } from "./export-markdown";

/** GET handler body for the Markdown download: signed-in users who may see the post-mortem. */
export async function markdownDownload(postMortemId: string): Promise<Response> {
  const user = await currentUser();
  if (!user) return new Response("Sign in to download this post-mortem.", { status: 401 });
  if (!/^[0-9a-f-]{36}$/i.test(postMortemId)) return new Response("Not found", { status: 404 });
  try {
    const { filename, markdown } = await exportPostMortemMarkdown({ ctx: { db: await getDb(), actor: user, requestId: randomUUID() }, input: { postMortemId } });
    return new Response(markdown, { headers: { "content-type": "text/markdown; charset=utf-8", "content-disposition": `attachment; filename="${filename}"` } });
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") return new Response("Not found", { status: 404 });
    throw error;
  }
}
