import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HistoryView } from "@/components/runbooks/history-view";
import { requireUser } from "@/server/auth/current-user";
import { runbookExists } from "@/server/runbooks/page-access";

export const metadata: Metadata = { title: "Runbook history" };

export default async function RunbookHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  if (!(await runbookExists(id))) notFound();
  return <HistoryView runbookId={id} canEdit={user.role !== "viewer"} />;
}
