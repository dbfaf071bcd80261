"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

/** Underlined section tabs (Settings, Action items): a link per view, the current one marked for screen readers too. */
export function TabNav({ label, links }: { label: string; links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="overflow-x-auto border-b border-border">
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
