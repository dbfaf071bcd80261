"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

export function SettingsNav({ isAdmin }: { isAdmin: boolean }) {
  const pathname = usePathname();
  const links = [
    ...(isAdmin ? [{ href: "/settings/users", label: "Users" }] : []),
    { href: "/settings/teams", label: "Teams" },
    { href: "/settings/services", label: "Services" },
    { href: "/settings/incident-roles", label: "Incident roles" },
    ...(isAdmin ? [{ href: "/settings/audit", label: "Audit log" }] : []),
  ];
  return (
    <nav aria-label="Settings" className="overflow-x-auto border-b">
      <ul className="flex min-w-max gap-4">
        {links.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={pathname === link.href ? "page" : undefined}
              className={cn(
                "-mb-px inline-block border-b-2 border-transparent px-1 pb-2 text-sm font-medium text-muted-foreground hover:text-foreground",
                pathname === link.href && "border-primary text-foreground",
              )}
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
