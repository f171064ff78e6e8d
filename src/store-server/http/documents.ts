/** A printable document answered as an A4 PDF (shown inline) or as receipt-printer text lines. */

export function pdfResponse(pdf: Uint8Array, filename: string): Response {
  return new Response(pdf, {
    headers: { "content-type": "application/pdf", "content-disposition": `inline; filename="${filename}"` },
  });
}

export function textLinesResponse(lines: readonly string[]): Response {
  return new Response(`${lines.join("\n")}\n`, { headers: { "content-type": "text/plain; charset=utf-8" } });
}
