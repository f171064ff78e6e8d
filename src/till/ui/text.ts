/**
 * Fitting text into terminal cells: every row of the till is laid out as plain strings of an
 * exact width, so nothing wraps or is cut off at 80×24.
 */

/** A high surrogate: the string has letters beyond the Basic Multilingual Plane. */
const ASTRAL = /[\uD800-\uDBFF]/;

/** Cells a string takes (the till's languages use no double-width letters). */
export function cells(text: string): number {
  if (!ASTRAL.test(text)) return text.length;
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * Cuts to `width` cells, marking the cut with "…". Every row of every frame goes through
 * here, so the common cases allocate nothing.
 */
export function clip(text: string, width: number): string {
  if (width <= 0) return "";
  // Never more code points than UTF-16 units: short enough as it is.
  if (text.length <= width) return text;
  if (!ASTRAL.test(text)) return `${text.slice(0, Math.max(0, width - 1))}…`;
  const chars = [...text];
  if (chars.length <= width) return text;
  return `${chars.slice(0, Math.max(0, width - 1)).join("")}…`;
}

export function padEnd(text: string, width: number): string {
  const fitted = clip(text, width);
  return fitted + " ".repeat(Math.max(0, width - cells(fitted)));
}

export function padStart(text: string, width: number): string {
  const fitted = clip(text, width);
  return " ".repeat(Math.max(0, width - cells(fitted))) + fitted;
}

/** `left` and `right` on one row of `width` cells, `left` shortened to make room. */
export function spread(left: string, right: string, width: number): string {
  const r = clip(right, width);
  const room = width - cells(r);
  if (room <= 1) return padEnd(r, width);
  return `${padEnd(left, room - 1)} ${r}`;
}

/** The window of `count` rows out of `total` that keeps `selected` in view, as far down as possible. */
export function windowFor(total: number, count: number, selected: number): { start: number; end: number } {
  if (total <= count) return { start: 0, end: total };
  const start = Math.min(Math.max(0, selected - count + 1), total - count);
  const clamped = Math.max(0, Math.min(start, selected));
  return { start: clamped, end: clamped + count };
}

/**
 * Word-wraps `text` into rows of at most `width` cells, at most `maxRows` of them (the last
 * one clipped with "…" only if the text still does not fit). A word longer than a row is cut
 * across rows.
 */
export function wrap(text: string, width: number, maxRows = Number.POSITIVE_INFINITY): string[] {
  if (width <= 0) return [];
  if (cells(text) <= width) return [text];
  const rows: string[] = [];
  let row = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    const candidate = row === "" ? word : `${row} ${word}`;
    if (cells(candidate) <= width) {
      row = candidate;
      continue;
    }
    if (row !== "") rows.push(row);
    let rest = word;
    while (cells(rest) > width) {
      const chars = [...rest];
      rows.push(chars.slice(0, width).join(""));
      rest = chars.slice(width).join("");
    }
    row = rest;
  }
  if (row !== "") rows.push(row);
  if (rows.length <= maxRows) return rows;
  const kept = rows.slice(0, maxRows);
  kept[maxRows - 1] = clip(`${kept[maxRows - 1] ?? ""} ${rows.slice(maxRows).join(" ")}`, width);
  return kept;
}
