import type { Metadata } from "next";
import { PostMortemTemplatesAdmin } from "@/components/settings/post-mortem-templates-admin";
import { requireAllowed } from "@/server/auth/current-user";
import { HydrateClient, prefetch, trpc } from "@/server/trpc/rsc";

export const metadata: Metadata = { title: "Post-mortem templates" };

export default async function PostMortemTemplatesPage() {
  await requireAllowed("admin");
  await prefetch(trpc.postMortems.templates.queryOptions());
  return (
    <section aria-labelledby="templates-heading" className="grid gap-4">
      <h2 id="templates-heading" className="text-lg font-semibold">
        Post-mortem templates
      </h2>
      <p className="text-sm text-muted-foreground">
        Each section becomes a heading in a new post-mortem, with its guidance prompt shown until someone writes there. Post-mortems already started keep their sections.
      </p>
      <HydrateClient>
        <PostMortemTemplatesAdmin />
      </HydrateClient>
    </section>
  );
}
