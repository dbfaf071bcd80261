import type { ReactNode } from "react";
import { SettingsNav } from "@/components/settings/settings-nav";
import { can } from "@/server/auth/can";
import { requireUser } from "@/server/auth/current-user";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <SettingsNav isAdmin={can(user, "admin")} />
      {children}
    </div>
  );
}
