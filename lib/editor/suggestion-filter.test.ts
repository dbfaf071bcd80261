import { describe, expect, it } from "vitest";
import { filterSuggestions } from "./suggestion-filter";

const people = [{ name: "Ada Admin" }, { name: "Riley Responder" }, { name: "Sam Rivera" }, { name: "Zoë Samuels" }, { name: "Vic Viewer" }];
const names = (query: string, limit?: number) => filterSuggestions(people, query, (person) => [person.name], limit).map((person) => person.name);

describe("suggestion filtering", () => {
  it("offers everything, in order, before anything is typed", () => {
    expect(names("")).toEqual(people.map((person) => person.name));
  });

  it("puts a match at the start before a match at a later word, case- and accent-blind", () => {
    expect(names("sam")).toEqual(["Sam Rivera", "Zoë Samuels"]);
    expect(names("RIV")).toEqual(["Sam Rivera"]);
    expect(names("zoe")).toEqual(["Zoë Samuels"]);
  });

  it("matches inside a word last, and drops what does not match", () => {
    expect(names("min")).toEqual(["Ada Admin"]);
    expect(names("nobody")).toEqual([]);
  });

  it("matches any of an item's terms (a slash command's keywords) and respects the limit", () => {
    const commands = [
      { title: "Heading", keywords: ["title", "h2"] },
      { title: "Table", keywords: ["grid"] },
      { title: "Task list", keywords: ["todo", "checkbox"] },
    ];
    expect(filterSuggestions(commands, "todo", (command) => [command.title, ...command.keywords]).map((c) => c.title)).toEqual(["Task list"]);
    expect(filterSuggestions(commands, "ta", (command) => [command.title, ...command.keywords]).map((c) => c.title)).toEqual(["Table", "Task list"]);
    expect(names("", 2)).toHaveLength(2);
  });
});
