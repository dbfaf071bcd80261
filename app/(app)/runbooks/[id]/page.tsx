import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RunbookView } from "@/components/runbooks/runbook-view";
import { requireUser } from "@/server/auth/current-user";
import { runbookExists } from "@/server/runbooks/page-access";

export const metadata: Metadata = { title: "Runbook" };

export default async function RunbookPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  if (!(await runbookExists(id))) notFound();
  // Viewers read; the server refuses their writes anyway, so the buttons would only disappoint.
  return <RunbookView runbookId={id} canEdit={user.role !== "viewer"} />;
}
