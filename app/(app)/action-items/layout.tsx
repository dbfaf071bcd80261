import type { ReactNode } from "react";
import { ActionItemsNav } from "@/components/action-items/action-items-nav";
import { NewActionItemButton } from "@/components/action-items/new-action-item-button";
import { can } from "@/server/auth/can";
import { requireUser } from "@/server/auth/current-user";

export default async function ActionItemsLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <div className="grid gap-6">
      <div className="grid gap-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-semibold">Action items</h1>
          {can(user, "action_item.create") ? <NewActionItemButton /> : null}
        </div>
        <ActionItemsNav />
      </div>
      {children}
    </div>
  );
}
