/**
 * A page of quick keys drawn as text: the page tabs, then a grid of up to 5 rows of 4 cells,
 * each `[h] Label` (its hotkey and name) 20 characters wide, so a page fits 80×24.
 */
import { pageHotkeys, type QuickKeyPage } from "../../core/restaurant-settings.ts";

const CELL = 20;
const PER_ROW = 4;

function cell(text: string, width: number): string {
  const chars = [...text];
  return chars.length >= width
    ? `${chars.slice(0, width - 1).join("")} `
    : text + " ".repeat(width - chars.length);
}

export function quickKeyLines(pages: readonly QuickKeyPage[], page: number, columns: number): string[] {
  const current = pages[page];
  if (current === undefined) return [];
  const tabs = pages.map((p, i) => (i === page ? `[${p.name}]` : ` ${p.name} `)).join(" ");
  const perRow = Math.max(1, Math.min(PER_ROW, Math.floor(columns / CELL)));
  const hotkeys = pageHotkeys(current);
  const rows: string[] = [[...tabs].slice(0, columns).join(""), ""];
  for (let start = 0; start < current.keys.length; start += perRow) {
    const cells = current.keys.slice(start, start + perRow);
    rows.push(
      cells
        .map((key, i) => cell(`[${hotkeys[start + i]}] ${key.label}`, CELL))
        .join("")
        .trimEnd(),
    );
    rows.push("");
  }
  return rows;
}
