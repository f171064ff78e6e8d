/** The receipt's copy as a customer's phone shows it: one small page, nothing loaded from elsewhere. */
import { escapeHtml } from "../../shared/web/html.ts";

/** Headers of both forms: the link is the key, so it is neither cached, indexed nor sent on. */
export const COPY_HEADERS = {
  "cache-control": "private, no-store",
  "referrer-policy": "no-referrer",
  "x-robots-tag": "noindex, nofollow",
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
} as const;

export function receiptPage(input: { title: string; text: string; lang: string }): string {
  return `<!doctype html>
<html lang="${escapeHtml(input.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(input.title)}</title>
<style>
body { margin: 0; background: #eee; font-family: ui-monospace, Menlo, Consolas, monospace; }
main { max-width: 34rem; margin: 1rem auto; padding: 1rem; background: #fff; color: #111; }
pre { margin: 0; font: inherit; font-size: clamp(0.6rem, 2.6vw, 0.95rem); white-space: pre; overflow-x: auto; }
</style>
</head>
<body>
<main><pre>${escapeHtml(input.text)}</pre></main>
</body>
</html>
`;
}
