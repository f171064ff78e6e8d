/**
 * The API reference page at `GET /docs`, served whole by the binary: an HTML page and a small
 * script that reads the server's own `/openapi.json` and lists each operation with its
 * parameters and body schema. Nothing is loaded from elsewhere (kiosks and back offices are
 * often offline), and the page's Content-Security-Policy says so to the browser.
 */
import { Elysia } from "elysia";

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'";

function page(title: string): string {
  const safe = title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${safe}</title>
<link rel="stylesheet" href="/docs/docs.css">
<script src="/docs/docs.js" defer></script>
</head>
<body>
<h1>${safe}</h1>
<p>The OpenAPI document: <a href="/openapi.json">/openapi.json</a>. Calls under <code>/api/v1</code> take
<code>Authorization: Bearer &lt;token&gt;</code>.</p>
<main id="operations"><p>Loading…</p></main>
</body>
</html>
`;
}

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222}
h2{font-size:1rem;margin:1.5rem 0 .25rem;font-family:ui-monospace,monospace}
.method{display:inline-block;min-width:4.5rem;font-weight:bold}
pre{background:#f4f4f4;padding:.5rem;overflow:auto;font-size:13px}
details{margin:.25rem 0}`;

/** Renders the operations of the document; text only goes in through textContent. */
const SCRIPT = `"use strict";
(async () => {
  const main = document.getElementById("operations");
  const el = (tag, text) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; return e; };
  let doc;
  try {
    const res = await fetch("/openapi.json");
    doc = await res.json();
  } catch (err) {
    main.replaceChildren(el("p", "Could not read /openapi.json: " + err));
    return;
  }
  main.replaceChildren();
  for (const [path, item] of Object.entries(doc.paths || {})) {
    for (const [method, op] of Object.entries(item)) {
      const h = el("h2");
      h.append(el("span", method.toUpperCase()), document.createTextNode(" " + path));
      h.firstChild.className = "method";
      main.append(h);
      if (op.summary) main.append(el("p", op.summary));
      const params = (op.parameters || []).map((p) => p.in + " " + p.name + (p.required ? " (required)" : ""));
      if (params.length > 0) main.append(el("p", "Parameters: " + params.join(", ")));
      const body = op.requestBody && op.requestBody.content && op.requestBody.content["application/json"];
      if (body && body.schema) {
        const d = el("details");
        d.append(el("summary", "Request body"), el("pre", JSON.stringify(body.schema, null, 2)));
        main.append(d);
      }
    }
  }
})();
`;

/** `GET /docs` and its script and style, all from the binary. */
export function apiDocs(title: string) {
  const html = page(title);
  const headers = (type: string) => ({ "content-type": type, "content-security-policy": CSP });
  return new Elysia({ name: `api-docs:${title}` })
    .get("/docs", () => new Response(html, { headers: headers("text/html; charset=utf-8") }), {
      detail: { hide: true },
    })
    .get(
      "/docs/docs.js",
      () => new Response(SCRIPT, { headers: headers("text/javascript; charset=utf-8") }),
      {
        detail: { hide: true },
      },
    )
    .get("/docs/docs.css", () => new Response(STYLE, { headers: headers("text/css; charset=utf-8") }), {
      detail: { hide: true },
    });
}
