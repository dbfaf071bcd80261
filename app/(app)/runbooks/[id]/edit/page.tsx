import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { EditRunbook } from "@/components/runbooks/edit-runbook";
import { requireUser } from "@/server/auth/current-user";
import { runbookExists } from "@/server/runbooks/page-access";

export const metadata: Metadata = { title: "Edit runbook" };

export default async function EditRunbookPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  if (!(await runbookExists(id))) notFound();
  if (user.role === "viewer") redirect(`/runbooks/${id}`);
  return <EditRunbook runbookId={id} />;
}
