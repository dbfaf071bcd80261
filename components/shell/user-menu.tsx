"use client";

import { LogOut, Monitor, MonitorOff, Moon, Sun } from "lucide-react";
import { useTheme } from "@/components/theme/use-theme";
import { Button } from "@/components/ui/button";
import type { DeferredProps } from "@/components/ui/deferred";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { initials } from "./initials";
import { signOutAction, signOutEverywhereAction } from "./sign-out-action";

export type UserMenuProps = { name: string; email: string; role: string };

export function UserMenu({ name, email, role, openAtOnce = false, focusAtOnce = false }: UserMenuProps & DeferredProps) {
  const { theme, setTheme } = useTheme();
  return (
    <DropdownMenu defaultOpen={openAtOnce}>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={`Account menu for ${name}`} className="rounded-full bg-muted" autoFocus={focusAtOnce}>
          <span aria-hidden className="text-xs font-semibold">
            {initials(name)}
          </span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-60">
        <DropdownMenuLabel>
          <span className="block truncate">{name}</span>
          <span className="block truncate text-xs font-normal text-muted-foreground">{email}</span>
          <span className="mt-1 block text-xs font-normal capitalize text-muted-foreground" data-testid="current-role">
            Role: {role}
          </span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuLabel className="text-xs font-normal text-muted-foreground">Theme</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={theme} onValueChange={setTheme}>
          <DropdownMenuRadioItem value="system">
            <Monitor className="size-4" aria-hidden /> System
          </DropdownMenuRadioItem>
          <DropdownMenuRadioItem value="light">
            <Sun className="size-4" aria-hidden /> Light
          </DropdownMenuRadioItem>
          <DropdownMenuRadioItem value="dark">
            <Moon className="size-4" aria-hidden /> Dark
          </DropdownMenuRadioItem>
        </DropdownMenuRadioGroup>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => void signOutAction()}>
          <LogOut className="size-4" aria-hidden /> Sign out
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => void signOutEverywhereAction()}>
          <MonitorOff className="size-4" aria-hidden /> Sign out everywhere
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
