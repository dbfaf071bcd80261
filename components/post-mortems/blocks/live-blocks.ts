import { ReactNodeViewRenderer } from "@tiptap/react";
import { IncidentFacts, IncidentTimeline, PostMortemActionItems } from "@/lib/editor/incident-blocks";
import { ActionItemsView } from "./action-items-view";
import { FactsView } from "./facts-view";
import { TimelineView } from "./timeline-view";

// The shared schema's reference blocks, with browser renderings that read the incident live.
export const LiveIncidentFacts = IncidentFacts.extend({ addNodeView: () => ReactNodeViewRenderer(FactsView) });
export const LiveIncidentTimeline = IncidentTimeline.extend({ addNodeView: () => ReactNodeViewRenderer(TimelineView) });
export const LivePostMortemActionItems = PostMortemActionItems.extend({ addNodeView: () => ReactNodeViewRenderer(ActionItemsView) });
