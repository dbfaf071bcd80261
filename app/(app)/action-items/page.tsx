import type { Metadata } from "next";
import { ActionItemList } from "@/components/action-items/action-item-list";
import { HydrateClient, prefetch, trpc } from "@/server/trpc/rsc";

export const metadata: Metadata = { title: "My action items" };

// `?item=<id>` (a reminder's link) picks out that item in the list.
export default async function MyActionItemsPage({ searchParams }: { searchParams: Promise<{ item?: string }> }) {
  const { item } = await searchParams;
  // The list's own query: mine, closed ones included.
  await prefetch(trpc.actionItems.list.queryOptions({ scope: "mine", includeClosed: true }));
  return (
    <section aria-labelledby="mine-heading" className="grid gap-3">
      <h2 id="mine-heading" className="text-lg font-semibold">
        My action items
      </h2>
      <p className="text-sm text-muted-foreground">Follow-ups you own, soonest due first.</p>
      <HydrateClient>
        <ActionItemList
          filter={{ scope: "mine" }}
          highlightId={typeof item === "string" ? item : undefined}
          emptyText="You own no action items. Ones assigned to you from incidents and post-mortems show here."
        />
      </HydrateClient>
    </section>
  );
}
