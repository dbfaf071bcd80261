import type { Metadata } from "next";
import { PostMortemList } from "@/components/post-mortems/post-mortem-list";

export const metadata: Metadata = { title: "Post-mortems" };

export default function PostMortemsPage() {
  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-semibold">Post-mortems</h1>
      <PostMortemList />
    </div>
  );
}
