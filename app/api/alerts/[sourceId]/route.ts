import { receiveAlerts } from "@/server/alerts/ingest";

// An adapter only: credentials, limits, formats and storage live in server/alerts.
export async function POST(request: Request, { params }: { params: Promise<{ sourceId: string }> }) {
  return receiveAlerts(request, (await params).sourceId);
}
