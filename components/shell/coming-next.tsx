import type { LucideIcon } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";

// Sections whose features land in later milestones say so plainly instead of faking content.
export function ComingNext({ title, icon, description }: { title: string; icon: LucideIcon; description: string }) {
  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <EmptyState icon={icon} title={`${title} are not available yet`} description={description} />
    </div>
  );
}
