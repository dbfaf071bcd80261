import Link from "next/link";
import type { ReactNode } from "react";
import { DeferredDeclareButton, DeferredNotificationBell, DeferredUserMenu } from "@/components/shell/deferred-header";
import { MainNav } from "@/components/shell/main-nav";
import { can } from "@/server/auth/can";
import { requireUser } from "@/server/auth/current-user";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const canDeclare = can(user, "incident.write");
  return (
    <div className="flex min-h-dvh flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-background focus:p-2">
        Skip to content
      </a>
      <header className="sticky top-0 z-40 border-b bg-background/95 backdrop-blur" data-print-hidden>
        <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-2 md:flex-row md:items-center md:gap-6">
          <div className="flex items-center justify-between">
            <Link href="/incidents" className="text-lg font-semibold tracking-tight">
              Daytwo
            </Link>
            {/* Both copies carry the "d" shortcut; only the visible one responds to it. */}
            <div className="flex items-center gap-2 md:hidden">
              {canDeclare ? <DeferredDeclareButton compact withShortcut /> : null}
              <DeferredNotificationBell />
              <DeferredUserMenu name={user.name} email={user.email} role={user.role} />
            </div>
          </div>
          <MainNav />
          <div className="ml-auto hidden items-center gap-2 md:flex">
            {canDeclare ? <DeferredDeclareButton compact withShortcut /> : null}
            <DeferredNotificationBell />
            <DeferredUserMenu name={user.name} email={user.email} role={user.role} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
