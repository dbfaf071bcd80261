"use client";

import { AlertTriangle, BellRing, BookOpen, ClipboardCheck, FileText, Menu, Settings, X } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useRef, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";

const links = [
  { href: "/incidents", label: "Incidents", icon: AlertTriangle },
  { href: "/alerts", label: "Alerts", icon: BellRing },
  { href: "/post-mortems", label: "Post-mortems", icon: FileText },
  { href: "/action-items", label: "Action items", icon: ClipboardCheck },
  { href: "/runbooks", label: "Runbooks", icon: BookOpen },
  { href: "/settings", label: "Settings", icon: Settings },
] as const;

/**
 * A plain row on wider screens. On phones the row did not fit and hid its last sections off-screen
 * with no cue, so there it folds behind a "Menu" button that opens the full list.
 */
export function MainNav() {
  const pathname = usePathname();
  const [isOpen, setIsOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key !== "Escape" || !isOpen) return;
    event.preventDefault();
    setIsOpen(false);
    buttonRef.current?.focus();
  }

  return (
    <nav aria-label="Main" onKeyDown={onKeyDown}>
      <Button ref={buttonRef} variant="outline" size="sm" className="md:hidden" aria-expanded={isOpen} aria-controls="main-nav-list" onClick={() => setIsOpen((open) => !open)}>
        {isOpen ? <X aria-hidden /> : <Menu aria-hidden />}
        Menu
      </Button>
      <ul id="main-nav-list" className={cn("mt-2 flex-col gap-1 md:mt-0 md:flex md:flex-row", isOpen ? "flex" : "hidden")}>
        {links.map(({ href, label, icon: Icon }) => {
          const isActive = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={isActive ? "page" : undefined}
                onClick={() => setIsOpen(false)}
                className={cn(
                  "flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-muted-foreground transition-colors hover:bg-accent hover:text-accent-foreground",
                  isActive && "bg-accent text-accent-foreground",
                )}
              >
                <Icon className="size-4" aria-hidden />
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
