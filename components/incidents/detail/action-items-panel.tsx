"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { ActionItemList } from "@/components/action-items/action-item-list";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { IncidentOutput } from "@/server/incidents/outputs";

// Fetched the first time it opens, not with the incident page.
const ActionItemDialog = dynamic(() => import("@/components/action-items/action-item-dialog").then((module) => module.ActionItemDialog), { ssr: false });

export function ActionItemsPanel({ incident }: { incident: IncidentOutput }) {
  const [isOpen, setOpen] = useState(false);
  // Stays mounted after the first opening, so closing animates as before.
  const [wasOpened, setWasOpened] = useState(false);
  return (
    <Card>
      <CardHeader className="flex flex-row items-center justify-between gap-2">
        <CardTitle as="h2" className="text-base">
          Action items
        </CardTitle>
        {incident.canWrite ? (
          <Button
            size="sm"
            variant="outline"
            onClick={() => {
              setWasOpened(true);
              setOpen(true);
            }}
          >
            Add action item
          </Button>
        ) : null}
      </CardHeader>
      <CardContent>
        <ActionItemList filter={{ scope: "incident", incidentId: incident.id }} emptyText="No follow-ups yet." />
        {wasOpened ? <ActionItemDialog open={isOpen} onOpenChange={setOpen} incidentId={incident.id} /> : null}
      </CardContent>
    </Card>
  );
}
