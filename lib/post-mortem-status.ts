// Shared by the server's schemas and the browser's labels.
export const postMortemStatuses = ["draft", "in_review", "published"] as const;
export type PostMortemStatus = (typeof postMortemStatuses)[number];
export const postMortemStatusLabels: Record<PostMortemStatus, string> = { draft: "Draft", in_review: "In review", published: "Published" };
