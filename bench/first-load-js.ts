// First-load JavaScript per route, from the production build: Next 16 records each route's
// first-load chunks in .next/diagnostics/route-bundle-stats.json. Sizes are gzip (level 9), as
// served compressed; also whether the editor (tiptap / ProseMirror / Yjs) is among them.
import fs from "node:fs";
import { gzipSync } from "node:zlib";

type RouteStats = { route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[] };
export type FirstLoad = { route: string; gzipBytes: number; rawBytes: number; chunks: number; hasEditor: boolean };

// Strings that only the editor's libraries carry in a minified chunk.
const EDITOR_MARKERS = ["Yjs was already imported", "prosemirror-model", "@tiptap/"];

export function firstLoadJs(routes: string[], statsPath = ".next/diagnostics/route-bundle-stats.json"): FirstLoad[] {
  if (!fs.existsSync(statsPath)) throw new Error(`${statsPath} is missing: run \`next build\` (Next 16) first`);
  const stats = JSON.parse(fs.readFileSync(statsPath, "utf8")) as RouteStats[];
  return routes.map((route) => {
    const entry = stats.find((candidate) => candidate.route === route);
    if (!entry) throw new Error(`route ${route} is not in ${statsPath}`);
    let gzipBytes = 0;
    let rawBytes = 0;
    let hasEditor = false;
    for (const chunk of entry.firstLoadChunkPaths) {
      const source = fs.readFileSync(chunk);
      rawBytes += source.length;
      gzipBytes += gzipSync(source, { level: 9 }).length;
      const text = source.toString("utf8");
      hasEditor ||= EDITOR_MARKERS.some((marker) => text.includes(marker));
    }
    return { route, gzipBytes, rawBytes, chunks: entry.firstLoadChunkPaths.length, hasEditor };
  });
}
