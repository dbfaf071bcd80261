"use client";

import { useQuery } from "@tanstack/react-query";
import { FileText } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { errorMessage } from "@/lib/trpc/error-message";
import { postMortemStatusLabels } from "@/lib/post-mortem-status";
import { useTRPC } from "@/components/trpc/client";
import { formatDate, formatDateTime } from "@/lib/time-format";

export function PostMortemList() {
  const trpc = useTRPC();
  const list = useQuery(trpc.postMortems.list.queryOptions());
  if (list.isPending) return <Spinner label="Loading post-mortems" />;
  if (list.isError)
    return (
      <p role="alert" className="text-destructive">
        {errorMessage(list.error)}
      </p>
    );
  if (list.data.length === 0) {
    return <EmptyState icon={FileText} title="No post-mortems yet" description="Start one from an incident once it is mitigated: it opens prefilled with the blameless template." />;
  }
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Post-mortem</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Owner</TableHead>
          <TableHead>Review due</TableHead>
          <TableHead>Last edited</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {list.data.map((item) => (
          <TableRow key={item.id}>
            <TableCell>
              <Link href={`/post-mortems/${item.id}`} className="font-medium hover:underline">
                {item.incident.title}
              </Link>
              <span className="ml-2 font-mono text-xs text-muted-foreground">{item.incident.reference}</span>
            </TableCell>
            <TableCell>
              <Badge variant={item.status === "published" ? "success" : "secondary"}>{postMortemStatusLabels[item.status]}</Badge>
            </TableCell>
            <TableCell>{item.owner.name}</TableCell>
            <TableCell className="whitespace-nowrap text-sm">
              {item.reviewDueAt ? (
                <>
                  <time dateTime={item.reviewDueAt.toISOString()}>{formatDate(item.reviewDueAt)}</time>
                  {item.status === "in_review" && item.reviewDueAt.getTime() < Date.now() ? (
                    <Badge variant="destructive" className="ml-2">
                      Overdue
                    </Badge>
                  ) : null}
                </>
              ) : (
                <span className="text-muted-foreground">—</span>
              )}
            </TableCell>
            <TableCell className="whitespace-nowrap text-sm text-muted-foreground">
              <time dateTime={item.updatedAt.toISOString()}>{formatDateTime(item.updatedAt)}</time>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
