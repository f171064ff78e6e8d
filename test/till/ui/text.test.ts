/** Fitting text into cells: the fast paths agree with counting code points one by one. */
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { cells, clip, padEnd, padStart } from "../../../src/till/ui/text.ts";

const codePoints = (text: string) => [...text];
const text = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }));

describe("row text", () => {
  test("cells counts code points", () => {
    fc.assert(fc.property(text, (t) => cells(t) === codePoints(t).length));
    expect(cells("Café 😀")).toBe(6);
  });

  test("clip keeps text that fits and cuts the rest to exactly the width, ending in …", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 40 }), (t, width) => {
        const out = clip(t, width);
        const n = codePoints(t).length;
        if (width === 0) return out === "";
        if (n <= width) return out === t;
        return cells(out) === width && out.endsWith("…") && t.startsWith(out.slice(0, -1));
      }),
    );
    expect(clip("Organic bananas", 8)).toBe("Organic…");
    expect(clip("😀😀😀😀", 3)).toBe("😀😀…");
    expect(clip("😀😀", 3)).toBe("😀😀");
  });

  test("padEnd and padStart give exactly the width", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 40 }), (t, width) => {
        return cells(padEnd(t, width)) === width && cells(padStart(t, width)) === width;
      }),
    );
  });
});
