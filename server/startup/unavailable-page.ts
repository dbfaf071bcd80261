import type http from "node:http";
import { DATABASE_UNREACHABLE_MESSAGE } from "@/db/unreachable";

// While the database is away, a page cannot render: say so plainly (503, no error details), and
// reload by itself so the person lands back on what they asked for once it returns.
const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="5"><title>Daytwo is reconnecting</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;padding:1rem;box-sizing:border-box}
@media (prefers-color-scheme: dark){body{background:#0b0b0c;color:#e7e7ea}}main{max-width:32rem}</style></head>
<body><main role="alert"><h1>Daytwo is reconnecting</h1><p>${DATABASE_UNREACHABLE_MESSAGE}</p>
<p>This page reloads every few seconds and will show what you asked for as soon as the database is back.</p></main></body></html>`;

export function answerUnavailable(res: http.ServerResponse): void {
  res.writeHead(503, { "content-type": "text/html; charset=utf-8", "retry-after": "5", "cache-control": "no-store", "content-length": Buffer.byteLength(html) });
  res.end(html);
}
