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
  const rows: [string, string, string] = ["", "", ""];
  let previousWasGlyph: boolean | null = null;
  for (const char of text.replace(/[\u00a0\u202f]/g, " ")) {
    const glyph = GLYPHS[char];
    // Glyphs are one blank column apart; a run of plain characters (a sign, "US$") stays together.
    const gap = previousWasGlyph === null || (previousWasGlyph === false && glyph === undefined) ? "" : " ";
    const [top, middle, bottom] = glyph ?? [" ", char, " "];
    rows[0] += gap + top;
    rows[1] += gap + middle;
    rows[2] += gap + bottom;
    previousWasGlyph = glyph !== undefined;
  }
  return rows;
}
