import type { Metadata } from "next";
import { requireAdminPage } from "@/components/settings/admin-only";
import { PostMortemTemplatesAdmin } from "@/components/settings/post-mortem-templates-admin";

export const metadata: Metadata = { title: "Post-mortem templates" };

export default async function PostMortemTemplatesPage() {
  await requireAdminPage();
  return (
    <section aria-labelledby="templates-heading" className="grid gap-4">
      <h2 id="templates-heading" className="text-lg font-semibold">Post-mortem templates</h2>
      <p className="text-sm text-muted-foreground">
        Each section becomes a heading in a new post-mortem, with its guidance prompt shown until someone writes there. Post-mortems already started keep their sections.
      </p>
      <PostMortemTemplatesAdmin />
    </section>
  );
}
