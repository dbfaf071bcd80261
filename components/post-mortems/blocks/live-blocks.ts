import { ReactNodeViewRenderer } from "@tiptap/react";
import { IncidentFacts, IncidentTimeline } from "@/lib/editor/incident-blocks";
import { FactsView } from "./facts-view";
import { TimelineView } from "./timeline-view";

// The shared schema's reference blocks, with browser renderings that read the incident live.
export const LiveIncidentFacts = IncidentFacts.extend({ addNodeView: () => ReactNodeViewRenderer(FactsView) });
export const LiveIncidentTimeline = IncidentTimeline.extend({ addNodeView: () => ReactNodeViewRenderer(TimelineView) });
