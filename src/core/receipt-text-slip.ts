/**
 * A slip of plain text lines for the receipt printer (a stock document, say): a bold title, then
 * each line as it is (wrapped only when wider than the printer's columns); a line of dashes
 * prints as a rule.
 */
import { type Layout, LayoutBuilder, requireColumns, textWidth } from "./receipt-layout.ts";

export interface TextSlipDoc {
  readonly type: "text-slip";
  /** Names the slip in the printer's queue and prints at its top. */
  title: string;
  /** Picks the printer's code page, as a receipt's locale does. */
  locale: string;
  lines: readonly string[];
  copy?: boolean;
}

export function layoutTextSlip(doc: TextSlipDoc, columns: number): Layout {
  const b = new LayoutBuilder(requireColumns(columns));
  b.center(doc.title, { bold: true });
  if (doc.copy) b.center("*** COPY ***", { bold: true });
  for (const line of doc.lines) {
    if (/^-+$/.test(line)) b.rule();
    // A line that fits keeps its spaces (columns laid out by the caller); a longer one wraps.
    else if (textWidth(line) <= b.columns)
      b.rows.push({ kind: "text", text: line, bold: false, tall: false });
    else b.text(line);
  }
  return b.build();
}
