import { FileText } from "lucide-react";
import type { Metadata } from "next";
import { ComingNext } from "@/components/shell/coming-next";

export const metadata: Metadata = { title: "Post-mortems" };

export default function PostMortemsPage() {
  return <ComingNext title="Post-mortems" icon={FileText} description="Blameless post-mortems, written together from an incident's timeline, arrive after incidents." />;
}
