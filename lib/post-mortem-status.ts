// Shared by the server's schemas and the browser's labels.
import type { PostMortemStatus } from "@/db/enums";

export { postMortemStatuses, type PostMortemStatus } from "@/db/enums";
export const postMortemStatusLabels: Record<PostMortemStatus, string> = { draft: "Draft", in_review: "In review", published: "Published" };
