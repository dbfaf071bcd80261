"use client";

import { AlertTriangle, BellRing, BookOpen, ClipboardCheck, FileText, Settings } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

const links = [
  { href: "/incidents", label: "Incidents", icon: AlertTriangle },
  { href: "/alerts", label: "Alerts", icon: BellRing },
  { href: "/post-mortems", label: "Post-mortems", icon: FileText },
  { href: "/action-items", label: "Action items", icon: ClipboardCheck },
  { href: "/runbooks", label: "Runbooks", icon: BookOpen },
  { href: "/settings", label: "Settings", icon: Settings },
] as const;

// A scrolling row on phones, a plain row on wider screens: every destination one tap away.
export function MainNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="-mx-4 overflow-x-auto px-4 md:mx-0 md:px-0">
      <ul className="flex min-w-max gap-1">
        {links.map(({ href, label, icon: Icon }) => {
          const isActive = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={isActive ? "page" : undefined}
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
