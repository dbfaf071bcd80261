import type { Metadata } from "next";
import { ActionItemList } from "@/components/action-items/action-item-list";

export const metadata: Metadata = { title: "Action items" };

export default function ActionItemsPage() {
  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-semibold">My action items</h1>
      <p className="text-sm text-muted-foreground">Follow-ups you own, soonest due first. The leads&apos; dashboard with team figures is the next milestone.</p>
      <ActionItemList filter={{ scope: "mine" }} emptyText="You own no action items. Ones assigned to you from incidents and post-mortems show here." />
    </div>
  );
}
