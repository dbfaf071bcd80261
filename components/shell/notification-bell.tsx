"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Bell, CheckCheck } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import type { DeferredProps } from "@/components/ui/deferred";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/cn";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/components/trpc/client";
import { formatDateTime } from "@/lib/time-format";

// Reminders arrive from the job worker, not from this tab: poll, and look again when the tab regains focus.
const REFRESH_MS = 30_000;

/** The bell in the header: unread count as a badge, recent notifications in a menu; opening one marks it read. */
export function NotificationBell({ openAtOnce = false, focusAtOnce = false }: DeferredProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [isOpen, setIsOpen] = useState(openAtOnce);
  const unread = useQuery({ ...trpc.notifications.unreadCount.queryOptions({}), refetchInterval: REFRESH_MS, refetchOnWindowFocus: true, staleTime: 0 });
  const list = useQuery({ ...trpc.notifications.list.queryOptions({ limit: 20 }), enabled: isOpen, refetchOnWindowFocus: true, staleTime: 0 });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() });
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSettled: refresh, onError: (error) => toast.error(errorMessage(error)) }));
  const markAllRead = useMutation(trpc.notifications.markAllRead.mutationOptions({ onSettled: refresh, onError: (error) => toast.error(errorMessage(error)) }));
  const count = unread.data?.unread ?? 0;

  return (
    <DropdownMenu open={isOpen} onOpenChange={setIsOpen}>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={`Notifications, ${count} unread`} className="relative rounded-full" autoFocus={focusAtOnce}>
          <Bell aria-hidden />
          {count > 0 ? (
            <span
              aria-hidden
              className="absolute right-1 top-1 flex min-w-4 items-center justify-center rounded-full bg-destructive px-1 text-[10px] font-semibold leading-4 text-destructive-foreground"
            >
              {count > 9 ? "9+" : count}
            </span>
          ) : null}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-[min(22rem,calc(100vw-1rem))]">
        <DropdownMenuLabel className="text-sm text-foreground">Notifications</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {list.isPending ? (
          <div className="p-3">
            <Spinner label="Loading notifications" />
          </div>
        ) : list.isError ? (
          <p role="alert" className="p-3 text-sm text-destructive">
            {errorMessage(list.error)}
          </p>
        ) : list.data.length === 0 ? (
          <p className="p-3 text-sm text-muted-foreground">Nothing yet. Reminders about your action items and your teams show up here.</p>
        ) : (
          list.data.map((notification) => {
            const isUnread = notification.readAt === null;
            return (
              <DropdownMenuItem key={notification.id} asChild onSelect={() => (isUnread ? markRead.mutate({ id: notification.id }) : undefined)}>
                <Link href={notification.href} className="grid cursor-pointer grid-cols-[0.5rem_1fr] items-start gap-2" data-unread={isUnread || undefined}>
                  <span aria-hidden className={cn("mt-1.5 size-2 rounded-full", isUnread ? "bg-primary" : "bg-transparent")} />
                  <span className="grid min-w-0 gap-0.5">
                    <span className={cn("truncate", isUnread && "font-semibold")}>
                      {isUnread ? <span className="sr-only">Unread: </span> : null}
                      {notification.title}
                    </span>
                    {notification.body ? <span className="line-clamp-2 text-xs text-muted-foreground">{notification.body}</span> : null}
                    <time dateTime={notification.createdAt.toISOString()} className="text-xs text-muted-foreground">
                      {formatDateTime(notification.createdAt)}
                    </time>
                  </span>
                </Link>
              </DropdownMenuItem>
            );
          })
        )}
        {count > 0 ? (
          <>
            <DropdownMenuSeparator />
            {/* Stays open, so the list visibly turns read. */}
            <DropdownMenuItem
              onSelect={(event) => {
                event.preventDefault();
                markAllRead.mutate({});
              }}
              disabled={markAllRead.isPending}
            >
              <CheckCheck aria-hidden /> Mark all read
            </DropdownMenuItem>
          </>
        ) : null}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
