import { BookOpen } from "lucide-react";
import type { Metadata } from "next";
import { ComingNext } from "@/components/shell/coming-next";

export const metadata: Metadata = { title: "Runbooks" };

export default function RunbooksPage() {
  return <ComingNext title="Runbooks" icon={BookOpen} description="Living runbooks linked to services and alerts arrive after incidents." />;
}
