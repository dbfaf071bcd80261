import { csvDownload } from "@/server/action-items/export-route";

// An adapter only: filters, access rules and formatting live in server/action-items.
export function GET(request: Request) {
  return csvDownload(request);
}
