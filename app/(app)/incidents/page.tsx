import { AlertTriangle } from "lucide-react";
import type { Metadata } from "next";
import { ComingNext } from "@/components/shell/coming-next";

export const metadata: Metadata = { title: "Incidents" };

export default function IncidentsPage() {
  return <ComingNext title="Incidents" icon={AlertTriangle} description="Declaring and running incidents arrives with the incidents milestone. The service catalog and teams are ready under Settings." />;
}
