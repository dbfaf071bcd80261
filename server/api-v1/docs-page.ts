// /api/docs: the API reference as one server-rendered page built from the OpenAPI document, so it
// can never drift from what /api/v1 serves. No scripts, no CDN; light and dark follow the system.
import { apiErrorCodes } from "./errors";
import { API_BASE_PATH, openApiDocument } from "./document";

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  default?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  maxLength?: number;
};
type Parameter = { name: string; in: string; required?: boolean; schema?: Schema };
type Operation = { operationId?: string; summary?: string; tags?: string[]; "x-scope"?: string; parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } };

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function typeOf(schema: Schema | undefined): string {
  if (!schema) return "any";
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if (schema.type === "array") return `${typeOf(schema.items)}[]`;
  if (schema.anyOf ?? schema.oneOf) return (schema.anyOf ?? schema.oneOf)!.map(typeOf).join(" | ");
  return Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "object");
}

/** A placeholder value for the curl example's body. */
function example(schema: Schema | undefined): unknown {
  if (!schema) return null;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return schema.enum[0];
  if (schema.type === "integer" || schema.type === "number") return 1;
  if (schema.type === "boolean") return false;
  if (schema.type === "array") return [];
  if (schema.type === "object") return {};
  return "…";
}

function fieldRows(fields: { name: string; where: string; schema?: Schema; required: boolean }[]): string {
  if (!fields.length) return "<p>No parameters.</p>";
  const rows = fields.map(
    (field) => `<tr><td><code>${escape(field.name)}</code></td><td>${field.where}</td><td><code>${escape(typeOf(field.schema))}</code></td><td>${field.required ? "yes" : "no"}</td></tr>`,
  );
  return `<div class="scroll"><table><thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Type</th><th scope="col">Required</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`;
}

function endpoint(origin: string, method: string, path: string, operation: Operation): string {
  const parameters = operation.parameters ?? [];
  const body = operation.requestBody?.content?.["application/json"]?.schema;
  const bodyFields = Object.entries(body?.properties ?? {}).map(([name, schema]) => ({ name, where: "body", schema, required: body?.required?.includes(name) ?? false }));
  const required = Object.fromEntries(bodyFields.filter((field) => field.required).map((field) => [field.name, example(field.schema)]));
  const url = `${origin}${API_BASE_PATH}${path.replace(/\{(\w+)\}/g, (_, name: string) => `<${name}>`)}`;
  const curl = [`curl -sS${method === "get" ? "" : ` -X ${method.toUpperCase()}`} "${url}"`, '  -H "Authorization: Bearer $DAYTWO_TOKEN"'];
  if (body) curl.push('  -H "Content-Type: application/json"', `  -d '${JSON.stringify(required)}'`);
  if (method === "post") curl.splice(2, 0, '  -H "Idempotency-Key: $(uuidgen)"');
  const id = operation.operationId ?? `${method}-${path}`;
  return `<section class="endpoint" aria-labelledby="${escape(id)}">
<h3 id="${escape(id)}"><span class="method">${method.toUpperCase()}</span> <code>${escape(API_BASE_PATH + path)}</code></h3>
<p>${escape(operation.summary ?? "")}. Scope: <code>${escape(operation["x-scope"] ?? "")}</code>.</p>
${fieldRows([...parameters.map((parameter) => ({ name: parameter.name, where: parameter.in, schema: parameter.schema, required: parameter.required ?? false })), ...bodyFields])}
<pre tabindex="0" aria-label="curl example for ${escape(operation.summary ?? path)}"><code>${escape(curl.join(" \\\n"))}</code></pre>
</section>`;
}

export function renderDocsPage(origin: string): string {
  const document = openApiDocument();
  const groups = new Map<string, string[]>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item as Record<string, Operation>)) {
      const tag = operation.tags?.[0] ?? "Other";
      groups.set(tag, [...(groups.get(tag) ?? []), endpoint(origin, method, path, operation)]);
    }
  }
  const sections = [...groups].map(([tag, items]) => `<section aria-labelledby="tag-${escape(tag)}"><h2 id="tag-${escape(tag)}">${escape(tag)}</h2>${items.join("")}</section>`).join("");
  const nav = [...groups.keys()].map((tag) => `<li><a href="#tag-${escape(tag)}">${escape(tag)}</a></li>`).join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Daytwo API reference</title><style>
:root{color-scheme:light dark;--fg:#111;--bg:#fff;--muted:#555;--line:#ddd;--code:#f4f4f5;--link:#1d4ed8}
@media (prefers-color-scheme:dark){:root{--fg:#eee;--bg:#111;--muted:#aaa;--line:#333;--code:#1c1c1f;--link:#93c5fd}}
body{font:16px/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:60rem;padding:1rem}
a{color:var(--link)}a:focus-visible,pre:focus-visible{outline:2px solid var(--link);outline-offset:2px}
code,pre{font:13px/1.4 ui-monospace,monospace;background:var(--code);border-radius:4px}code{padding:0 .2em}
pre{padding:.75rem;overflow-x:auto;border:1px solid var(--line)}pre code{padding:0;background:none}
.endpoint{border-top:1px solid var(--line);padding:.5rem 0}.method{font-weight:700}h3{font-size:1.05rem;overflow-wrap:anywhere}
.scroll{overflow-x:auto}table{border-collapse:collapse;font-size:14px}th,td{border:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top}
p.muted{color:var(--muted)}</style></head><body><main>
<h1>Daytwo API reference</h1>
<p>Everything the API does, it does through the same actions as the app, with the same permission checks, timeline events and audit rows. Machine-readable: <a href="${API_BASE_PATH}/openapi.json">OpenAPI 3.1 document</a>.</p>
<h2>Getting started</h2>
<ol><li>Create a token under <a href="/settings/api-tokens">Settings → API tokens</a> and copy it (it is shown once).</li>
<li><code>export DAYTWO_TOKEN=dt_…</code></li><li>Declare an incident:<pre tabindex="0" aria-label="curl example: declare an incident"><code>${escape(`curl -sS -X POST "${origin}${API_BASE_PATH}/incidents" \\\n  -H "Authorization: Bearer $DAYTWO_TOKEN" \\\n  -H "Content-Type: application/json" \\\n  -d '{"title":"Deploy 4711 failed","severityId":2}'`)}</code></pre></li></ol>
<h2>Errors, limits and retries</h2>
<p>Errors are JSON: <code>{"code":"invalid","message":"severityId: …","field":"severityId"}</code>. Codes: ${apiErrorCodes.map((code) => `<code>${code}</code>`).join(", ")}. A private incident you may not see answers <code>not_found</code>, like a missing one.</p>
<p>Query parameters: a list filter is repeated (<code>?severityIds=1&amp;severityIds=3</code>), booleans are <code>true</code> or <code>false</code>, and an empty parameter is no filter. Bodies are JSON objects whose numbers and booleans are JSON numbers and booleans, not text.</p>
<p>Each token may make 1,200 requests a minute unless set otherwise; past that the answer is <code>429</code> with <code>Retry-After</code> (seconds). Send <code>Idempotency-Key</code> with a POST: a retry with the same key and body returns the first answer (header <code>Idempotent-Replayed: true</code>) instead of doing it twice; keys are kept 24 hours.</p>
<nav aria-label="Endpoint groups"><ul>${nav}</ul></nav>${sections}</main></body></html>`;
}
