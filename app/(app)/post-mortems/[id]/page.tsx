import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PostMortemView } from "@/components/post-mortems/post-mortem-view";
import { requireUser } from "@/server/auth/current-user";
import { loadPostMortemPage } from "@/server/post-mortems/page-access";

export const metadata: Metadata = { title: "Post-mortem" };

export default async function PostMortemPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  // Read here, not after hydration: the editor opens on the stored document at once.
  const data = await loadPostMortemPage(user, id);
  if (!data) notFound();
  return <PostMortemView postMortemId={id} me={{ id: user.id, name: user.name }} initial={data} />;
}
