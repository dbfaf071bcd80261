import { markdownDownload } from "@/server/post-mortems/export-route";

// An adapter only: access rules and rendering live in server/post-mortems.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return markdownDownload((await params).id);
}
