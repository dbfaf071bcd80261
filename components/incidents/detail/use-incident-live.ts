"use client";

import { useIncidentStream } from "../live/incident-stream";

/** The incident page's live state: the shared stream (which is also its "here now" presence). */
export function useIncidentLive(incidentId: string, startAfterSeq: number) {
  return useIncidentStream(incidentId, startAfterSeq);
}
