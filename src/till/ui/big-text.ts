/**
 * A three-row block font for the running total, drawn with the block characters every Linux
 * console font has (█ ▀ ▄). Characters without a glyph (currency signs, letters) are drawn as
 * themselves on the middle row.
 */
const GLYPHS: Record<string, readonly [string, string, string]> = {
  "0": ["█▀█", "█ █", "▀▀▀"],
  "1": ["▀█ ", " █ ", "▀▀▀"],
  "2": ["▀▀█", "█▀▀", "▀▀▀"],
  "3": ["▀▀█", " ▀█", "▀▀▀"],
  "4": ["█ █", "▀▀█", "  ▀"],
  "5": ["█▀▀", "▀▀█", "▀▀▀"],
  "6": ["█▀▀", "█▀█", "▀▀▀"],
  "7": ["▀▀█", "  █", "  ▀"],
  "8": ["█▀█", "█▀█", "▀▀▀"],
  "9": ["█▀█", "▀▀█", "▀▀▀"],
  ".": [" ", " ", "▀"],
  ",": [" ", " ", "▄"],
  "-": ["  ", "▀▀", "  "],
  " ": [" ", " ", " "],
};

/** The three rows of `text` in the block font (glyphs separated by one blank column). */
export function bigText(text: string): [string, string, string] {
  const rows: [string[], string[], string[]] = [[], [], []];
  for (const char of text.replace(/[\u00a0\u202f]/g, " ")) {
    const glyph = GLYPHS[char] ?? [" ", char, " "];
    rows[0].push(glyph[0]);
    rows[1].push(glyph[1]);
    rows[2].push(glyph[2]);
  }
  return [rows[0].join(" "), rows[1].join(" "), rows[2].join(" ")];
}
