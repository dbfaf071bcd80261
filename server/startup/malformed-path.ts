import type http from "node:http";

// A path whose %-escapes do not decode (`/incidents/%E0%A4%A`) makes Next's router throw while it
// reads the route's params, which it answers as a 500. No page can have such an address, so the
// one server refuses it before Next sees it: a 400 that says what is wrong with the link.
const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>That address is not valid</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;padding:1rem;box-sizing:border-box}
@media (prefers-color-scheme: dark){body{background:#0b0b0c;color:#e7e7ea}}main{max-width:32rem}</style></head>
<body><main role="alert"><h1>That address is not valid</h1><p>The link contains a broken %-escape, so it cannot name any page. Check where it came from, or go to the <a href="/">start page</a>.</p></main></body></html>`;

/** True when the path part of `url` has a %-escape that is not valid UTF-8. */
export function hasMalformedPath(url: string): boolean {
  const path = url.split("?", 1)[0] ?? "";
  if (!path.includes("%")) return false;
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

export function answerMalformedPath(res: http.ServerResponse): void {
  res.writeHead(400, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "content-length": Buffer.byteLength(html) });
  res.end(html);
}
