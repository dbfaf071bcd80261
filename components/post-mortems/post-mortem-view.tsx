"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { Editor } from "@tiptap/react";
import { useEffect, useState } from "react";
import { Download, Printer } from "lucide-react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/trpc/error-message";
import { postMortemStatusLabels } from "@/lib/post-mortem-status";
import { useTRPC } from "@/components/trpc/client";
import { useIncidentStream } from "@/components/incidents/live/incident-stream";
import type { PostMortemPageData } from "@/server/post-mortems/page-access";
import { ReviewBar } from "./review-bar";
import { formatDateTime } from "@/lib/time-format";

// The editor (tiptap, ProseMirror, Yjs, the co-editing client) is most of this page's code, and the
// server renders only a spinner in its place: it is a chunk of its own, which the server-rendered
// page preloads, so it downloads alongside the page's code instead of holding up its hydration.
const CollabEditor = dynamic(() => import("./collab-editor").then((module) => module.CollabEditor), { loading: () => <Spinner label="Connecting to the document" /> });

type ViewProps = { postMortemId: string; me: { id: string; name: string }; initial: PostMortemPageData };

export function PostMortemView({ postMortemId, me, initial }: ViewProps) {
  const trpc = useTRPC();
  // Read by the server with the page: the first paint is the post-mortem, not a spinner.
  const postMortem = useQuery({ ...trpc.postMortems.get.queryOptions({ postMortemId }), initialData: initial.postMortem });
  const incidentId = postMortem.data?.incident.id ?? "";
  // The review bar reads the document (empty sections before publishing) through the editor.
  const [editor, setEditor] = useState<Editor | null>(null);
  // Review steps are events on the incident's timeline: the incident's live stream (shared with the
  // facts and timeline blocks) carries them, and its cache update reloads this post-mortem's queries
  // (components/incidents/live/apply-message.ts), so every open page follows the review within a second.
  const incident = useQuery({ ...trpc.incidents.get.queryOptions({ incidentId }), enabled: incidentId !== "" });
  useIncidentStream(incidentId, incident.data?.lastEventSeq);
  // The stream starts after the incident read, not the page's: a review step between the two is
  // caught by reading the post-mortem once more when the stream's starting point is known.
  const queryClient = useQueryClient();
  const hasStreamStart = incident.data !== undefined;
  useEffect(() => {
    if (hasStreamStart) void queryClient.invalidateQueries({ queryKey: trpc.postMortems.get.queryKey({ postMortemId }) });
  }, [hasStreamStart, queryClient, trpc, postMortemId]);
  if (postMortem.isError)
    return (
      <p role="alert" className="text-destructive">
        {errorMessage(postMortem.error)}
      </p>
    );
  const { data } = postMortem;
  return (
    <article className="grid gap-4">
      <header className="grid gap-1">
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <Link href={`/incidents/${data.incident.id}`} className="font-mono text-muted-foreground hover:text-foreground">
            {data.incident.reference}
          </Link>
          <Badge variant={data.status === "published" ? "success" : "secondary"}>{postMortemStatusLabels[data.status]}</Badge>
          <span className="text-muted-foreground">
            Revision {data.revision} · owner {data.owner.name}
            {data.published ? ` · published by ${data.published.by} on ${formatDateTime(data.published.at)}` : ""}
          </span>
        </div>
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h1 className="text-2xl font-semibold">Post-mortem: {data.incident.title}</h1>
          <div className="flex gap-2" data-print-hidden>
            <a href={`/api/post-mortems/${data.id}/markdown`} className={buttonVariants({ variant: "outline", size: "sm" })} download>
              <Download className="size-4" aria-hidden /> Markdown
            </a>
            <Button variant="outline" size="sm" onClick={() => window.print()}>
              <Printer className="size-4" aria-hidden /> Print or PDF
            </Button>
          </div>
        </div>
      </header>
      <ReviewBar postMortem={data} meId={me.id} editor={data.status === "published" ? null : editor} />
      {data.status === "in_review" && data.canAct && !data.canEdit ? (
        <p className="text-sm text-muted-foreground" data-testid="review-lock" data-print-hidden>
          In review: only the author, {data.owner.name}, can change the text until the reviewers decide. Ask for changes to send it back to draft.
        </p>
      ) : null}
      {data.status === "published" ? (
        <PublishedDocument postMortemId={data.id} />
      ) : (
        <CollabEditor
          initialState={initial.documentState}
          postMortemId={data.id}
          incidentId={data.incident.id}
          canEdit={data.canEdit}
          me={me}
          sections={data.sections}
          personNames={data.personNames}
          dismissedFlagKeys={data.dismissedFlagKeys}
          onEditor={setEditor}
        />
      )}
    </article>
  );
}

/** The published revision: HTML rendered on the server from an allow-list (see lib/editor/to-html.ts). */
function PublishedDocument({ postMortemId }: { postMortemId: string }) {
  const trpc = useTRPC();
  const html = useQuery(trpc.postMortems.publishedHtml.queryOptions({ postMortemId }));
  if (html.isPending) return <Spinner label="Loading the published post-mortem" />;
  if (html.isError)
    return (
      <p role="alert" className="text-destructive">
        {errorMessage(html.error)}
      </p>
    );
  return <div className="post-mortem-prose rounded-md border bg-card p-4 sm:p-6" data-testid="published-document" dangerouslySetInnerHTML={{ __html: html.data ?? "" }} />;
}
