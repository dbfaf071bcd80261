"use client";

import { useState } from "react";
import { ActionItemDialog } from "@/components/action-items/action-item-dialog";
import { ActionItemList } from "@/components/action-items/action-item-list";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { IncidentOutput } from "@/server/incidents/outputs";

export function ActionItemsPanel({ incident }: { incident: IncidentOutput }) {
  const [isOpen, setOpen] = useState(false);
  return (
    <Card>
      <CardHeader className="flex flex-row items-center justify-between gap-2">
        <CardTitle as="h2" className="text-base">Action items</CardTitle>
        {incident.canWrite ? <Button size="sm" variant="outline" onClick={() => setOpen(true)}>Add action item</Button> : null}
      </CardHeader>
      <CardContent>
        <ActionItemList filter={{ scope: "incident", incidentId: incident.id }} emptyText="No follow-ups yet." />
        <ActionItemDialog open={isOpen} onOpenChange={setOpen} incidentId={incident.id} />
      </CardContent>
    </Card>
  );
}
