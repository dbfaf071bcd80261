import { TabNav } from "@/components/ui/tab-nav";

export function ActionItemsNav() {
  return (
    <TabNav
      label="Action item views"
      links={[
        { href: "/action-items", label: "Mine" },
        { href: "/action-items/dashboard", label: "Dashboard" },
      ]}
    />
  );
}
