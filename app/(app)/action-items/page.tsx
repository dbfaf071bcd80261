import { ClipboardCheck } from "lucide-react";
import type { Metadata } from "next";
import { ComingNext } from "@/components/shell/coming-next";

export const metadata: Metadata = { title: "Action items" };

export default function ActionItemsPage() {
  return <ComingNext title="Action items" icon={ClipboardCheck} description="Owned follow-ups from post-mortems, with reminders and a leads' dashboard, arrive after post-mortems." />;
}
