"use client";

// The header's menus and the declare dialog, fetched once the page is idle (see components/ui/deferred.tsx).
// Each placeholder looks and is named like the real trigger, so nothing moves when it is swapped.
import { Bell, Siren } from "lucide-react";
import { useCallback } from "react";
import type { DeclareIncidentButtonProps } from "@/components/incidents/declare-dialog";
import { useDeclareShortcut } from "@/components/incidents/declare-shortcut";
import { Button } from "@/components/ui/button";
import { Deferred, type Placeholder } from "@/components/ui/deferred";
import { initials } from "./initials";
import type { UserMenuProps } from "./user-menu";

const loadBell = () => import("./notification-bell").then((module) => module.NotificationBell);
const loadUserMenu = () => import("./user-menu").then((module) => module.UserMenu);
const loadDeclare = () => import("@/components/incidents/declare-dialog").then((module) => module.DeclareIncidentButton);

export function DeferredNotificationBell() {
  return (
    <Deferred
      load={loadBell}
      props={{}}
      placeholder={({ press, ref }) => (
        <Button ref={ref} variant="ghost" size="icon" aria-label="Notifications" aria-haspopup="menu" className="relative rounded-full" onClick={press}>
          <Bell aria-hidden />
        </Button>
      )}
    />
  );
}

export function DeferredUserMenu(props: UserMenuProps) {
  return (
    <Deferred
      load={loadUserMenu}
      props={props}
      placeholder={({ press, ref }) => (
        <Button ref={ref} variant="ghost" size="icon" aria-label={`Account menu for ${props.name}`} aria-haspopup="menu" className="rounded-full bg-muted" onClick={press}>
          <span aria-hidden className="text-xs font-semibold">
            {initials(props.name)}
          </span>
        </Button>
      )}
    />
  );
}

export function DeferredDeclareButton(props: DeclareIncidentButtonProps) {
  return <Deferred load={loadDeclare} props={props} placeholder={(controls) => <DeclarePlaceholder {...props} {...controls} />} />;
}

function DeclarePlaceholder({ withShortcut = false, compact = false, className, press, ref }: DeclareIncidentButtonProps & Placeholder) {
  useDeclareShortcut(withShortcut, ref, useCallback(press, [press]));
  return (
    <Button
      ref={ref}
      size={compact ? "sm" : "md"}
      className={className}
      title={withShortcut ? "Declare incident (D)" : undefined}
      aria-keyshortcuts={withShortcut ? "D" : undefined}
      aria-haspopup="dialog"
      onClick={press}
    >
      <Siren aria-hidden />
      {compact ? "Declare" : "Declare incident"}
    </Button>
  );
}
