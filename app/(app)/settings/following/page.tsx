import type { Metadata } from "next";
import { FollowingList } from "@/components/follows/following-list";
import { HydrateClient, prefetch, trpc } from "@/server/trpc/rsc";

export const metadata: Metadata = { title: "Following" };

export default async function FollowingPage() {
  await prefetch(trpc.follows.mine.queryOptions());
  return (
    <section aria-labelledby="following-heading" className="grid gap-4">
      <h2 id="following-heading" className="text-lg font-semibold">
        Following
      </h2>
      <p className="text-sm text-muted-foreground">You hear of every change to these incidents, and to incidents touching these services, behind the bell and by email — never of your own changes.</p>
      <HydrateClient>
        <FollowingList />
      </HydrateClient>
    </section>
  );
}
