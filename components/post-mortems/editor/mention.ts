import { PersonMention } from "@/lib/editor/document-extensions";
import { filterSuggestions } from "@/lib/editor/suggestion-filter";
import type { SuggestionStore } from "./suggestion-store";

export type MentionCandidate = { id: string; label: string };

/** @mentions with suggestions from the workspace's active people; the list is read when typed. */
export function mentionWithSuggestions(store: SuggestionStore<MentionCandidate>, people: () => MentionCandidate[]) {
  return PersonMention.configure({
    suggestion: {
      char: "@",
      items: ({ query }) => filterSuggestions(people(), query, (person) => [person.label], 8),
      render: store.render,
    },
  });
}
