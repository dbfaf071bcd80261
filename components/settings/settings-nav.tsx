import { TabNav } from "@/components/ui/tab-nav";

export function SettingsNav({ isAdmin }: { isAdmin: boolean }) {
  const links = [
    ...(isAdmin ? [{ href: "/settings/users", label: "Users" }] : []),
    { href: "/settings/teams", label: "Teams" },
    { href: "/settings/services", label: "Services" },
    { href: "/settings/following", label: "Following" },
    { href: "/settings/incident-roles", label: "Incident roles" },
    ...(isAdmin ? [{ href: "/settings/action-items", label: "Action items" }] : []),
    ...(isAdmin ? [{ href: "/settings/post-mortem-templates", label: "Post-mortem templates" }] : []),
    ...(isAdmin ? [{ href: "/settings/alert-sources", label: "Alert sources" }] : []),
    ...(isAdmin ? [{ href: "/settings/alert-routing", label: "Alert routing" }] : []),
    ...(isAdmin ? [{ href: "/settings/notifications", label: "Notifications" }] : []),
    { href: "/settings/api-tokens", label: "API tokens" },
    ...(isAdmin ? [{ href: "/settings/audit", label: "Audit log" }] : []),
  ];
  return <TabNav label="Settings" links={links} />;
}
