"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select-native";
import { Spinner } from "@/components/ui/spinner";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/components/trpc/client";
import { auditEntityTypes, describeAuditAction, describeEntityType } from "@/lib/audit-actions";
import { formatDateTime } from "@/lib/time-format";

type ChangeLine = { field: string; before: string | null; after: string | null };

/** One line per changed field: "role: viewer → admin"; a value only set or only removed stands alone. */
function ChangeLines({ lines }: { lines: ChangeLine[] }) {
  if (lines.length === 0) return <span className="text-muted-foreground">—</span>;
  return (
    <ul className="grid gap-0.5">
      {lines.map((line, index) => (
        <li key={`${line.field}-${index}`} className="break-words">
          {line.field ? <span className="text-muted-foreground">{line.field}: </span> : null}
          {line.before !== null && line.after !== null ? (
            <>
              <span>{line.before}</span> <span aria-label="changed to">→</span> <span>{line.after}</span>
            </>
          ) : line.after !== null ? (
            line.after
          ) : (
            <>
              <del>{line.before}</del> <span className="text-muted-foreground">(removed)</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

// Filters live in the URL, so a filtered view can be shared or bookmarked.
export function AuditLog() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const filters = {
    action: params.get("action") || undefined,
    entityType: params.get("entity") || undefined,
    actorId: params.get("actor") || undefined,
    from: params.get("from") ? new Date(`${params.get("from")}T00:00:00`) : undefined,
    to: params.get("to") ? new Date(`${params.get("to")}T23:59:59.999`) : undefined,
  };
  const users = useQuery(trpc.users.list.queryOptions());
  const entries = useInfiniteQuery(trpc.audit.list.infiniteQueryOptions({ ...filters, limit: 50 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));

  function applyFilters(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const key of ["action", "entity", "actor", "from", "to"]) {
      const value = String(form.get(key) ?? "").trim();
      if (value) next.set(key, value);
    }
    router.replace(`${pathname}?${next.toString()}`);
  }

  const rows = entries.data?.pages.flatMap((page) => page.entries) ?? [];
  return (
    <div className="grid gap-4">
      <form onSubmit={applyFilters} className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6 lg:items-end" aria-label="Filter the audit log">
        <div className="grid gap-1">
          <Label htmlFor="audit-action">Action starts with</Label>
          <Input id="audit-action" name="action" defaultValue={params.get("action") ?? ""} placeholder="user." />
        </div>
        <div className="grid gap-1">
          <Label htmlFor="audit-entity">Entity</Label>
          <NativeSelect id="audit-entity" name="entity" defaultValue={params.get("entity") ?? ""}>
            <option value="">Any</option>
            {auditEntityTypes.map((type) => (
              <option key={type.value} value={type.value}>
                {type.label}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1">
          <Label htmlFor="audit-actor">Person</Label>
          <NativeSelect id="audit-actor" name="actor" defaultValue={params.get("actor") ?? ""}>
            <option value="">Anyone</option>
            {users.data?.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1">
          <Label htmlFor="audit-from">From</Label>
          <Input id="audit-from" name="from" type="date" defaultValue={params.get("from") ?? ""} />
        </div>
        <div className="grid gap-1">
          <Label htmlFor="audit-to">To</Label>
          <Input id="audit-to" name="to" type="date" defaultValue={params.get("to") ?? ""} />
        </div>
        <Button type="submit">Apply filters</Button>
      </form>
      {entries.isPending ? <Spinner label="Loading audit log" /> : null}
      {entries.isError ? (
        <p role="alert" className="text-destructive">
          {errorMessage(entries.error)}
        </p>
      ) : null}
      {entries.isSuccess && rows.length === 0 ? <p className="text-muted-foreground">No entries match these filters.</p> : null}
      {rows.length > 0 ? (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>When</TableHead>
              <TableHead>Who</TableHead>
              <TableHead>Action</TableHead>
              <TableHead>Entity</TableHead>
              <TableHead>Change</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((entry) => (
              <TableRow key={entry.id}>
                <TableCell className="whitespace-nowrap text-sm">
                  <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time>
                </TableCell>
                <TableCell>{entry.actor?.name ?? "System"}</TableCell>
                <TableCell className="text-sm">
                  {describeAuditAction(entry.action)}
                  <span className="block font-mono text-xs text-muted-foreground">{entry.action}</span>
                </TableCell>
                <TableCell className="text-sm">
                  {describeEntityType(entry.entityType)}
                  {entry.subject ? <span className="block text-xs text-muted-foreground">{entry.subject}</span> : null}
                </TableCell>
                <TableCell className="min-w-64 max-w-md align-top text-xs whitespace-normal">
                  <ChangeLines lines={entry.changes} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {entries.hasNextPage ? (
        <Button variant="outline" onClick={() => void entries.fetchNextPage()} disabled={entries.isFetchingNextPage}>
          {entries.isFetchingNextPage ? "Loading…" : "Load older entries"}
        </Button>
      ) : null}
    </div>
  );
}
