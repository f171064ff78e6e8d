/**
 * What patches/string-width@8.3.0.patch changes: text of single-code-point characters from the
 * scripts and symbol blocks the till draws (Latin, Greek, Cyrillic, punctuation, currency signs,
 * arrows, box drawing, geometric shapes, dingbats: the table map's marks, the four languages'
 * letters) is measured by each character's East Asian Width, without segmenting it into
 * graphemes or testing it against the emoji regular expressions (whose first use costs a first
 * draw tens of milliseconds). The width is the one the full path gives, character by character.
 */
import { describe, expect, test } from "bun:test";
import stringWidth from "string-width";

/** The full path's width of `text`: an emoji after it keeps the fast path out. */
function fullPathWidth(text: string, options?: { ambiguousIsNarrow: boolean }): number {
  return stringWidth(`${text}😀`, options) - 2;
}

/** The code points the fast path takes (besides printable ASCII). */
const FAST_RANGES: [number, number][] = [
  [0x00a0, 0x00ac],
  [0x00ae, 0x02ff],
  [0x0370, 0x0482],
  [0x048a, 0x052f],
  [0x2010, 0x2027],
  [0x2030, 0x205e],
  [0x20a0, 0x20c0],
  [0x2100, 0x218b],
  [0x2190, 0x23ff],
  [0x2500, 0x27bf],
];

describe("string-width as patched for the till", () => {
  test("the till's text is measured without segmenting it into graphemes", () => {
    const segment = Intl.Segmenter.prototype.segment;
    let segmented = 0;
    Intl.Segmenter.prototype.segment = function (this: Intl.Segmenter, input: string) {
      segmented++;
      return segment.call(this, input);
    };
    try {
      for (const text of [
        "1    ·  2    ●  3    $  4    ✓",
        "· free  ● ordered  $ bill printed  ✓ paid",
        "Café crème 3,10 € — Итого: 12,50 ₽ · Məbləğ ödənişi",
        "┌──┐ ← → ↑ ↓ ▲ ▼ ■ □ ★ ☆ №",
      ]) {
        stringWidth(text);
      }
      expect(segmented).toBe(0);
    } finally {
      Intl.Segmenter.prototype.segment = segment;
    }
  });

  test("each character of the fast path has the full path's width, ambiguous narrow or wide", () => {
    const differ: string[] = [];
    for (const [from, to] of FAST_RANGES) {
      for (let cp = from; cp <= to; cp++) {
        const ch = String.fromCodePoint(cp);
        for (const ambiguousIsNarrow of [true, false]) {
          if (stringWidth(ch, { ambiguousIsNarrow }) !== fullPathWidth(ch, { ambiguousIsNarrow })) {
            differ.push(`U+${cp.toString(16).padStart(4, "0")}`);
          }
        }
      }
    }
    expect(differ).toEqual([]);
  });

  test("text outside it still takes the full path: marks, joiners, emoji, wide scripts", () => {
    expect(stringWidth("e\u0301")).toBe(1);
    expect(stringWidth("\u00ad")).toBe(0);
    expect(stringWidth("✓\ufe0f")).toBe(fullPathWidth("✓\ufe0f"));
    expect(stringWidth("❤️")).toBe(2);
    expect(stringWidth("👨‍👩‍👧")).toBe(2);
    expect(stringWidth("日本")).toBe(4);
    expect(stringWidth("Д\u0483")).toBe(1);
    expect(stringWidth("\u200bA")).toBe(1);
  });
});
