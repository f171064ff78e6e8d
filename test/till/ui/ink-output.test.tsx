/**
 * Ink's output as patched for the till (patches/ink@8.0.0.patch): a block of plain text is
 * written row by row without being tokenized as a whole, printable ASCII gets its cells without
 * grapheme segmentation, and everything else (styles, wide or invisible characters) still
 * takes Ink's own path. What reaches the terminal must be the same either way (styled text is
 * covered by the screens' tests).
 */
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { Box, renderToString, Text } from "ink";

const render = (node: React.ReactNode) => renderToString(node, { columns: 100 });

/** How Ink draws a row: trailing blanks are not written. */
const rows = (text: string) => text.split("\n").map((row) => row.trimEnd());

describe("ink output", () => {
  test("a block of plain lines is drawn as its lines", () => {
    const block = "  1 Milk 1l      1.00\n  2 Bread        2.50\n\n  4 Café crème   3,10 ₽";
    expect(render(<Text>{block}</Text>)).toBe(rows(block).join("\n"));
  });

  test("wide characters take two cells and the next text starts after them", () => {
    expect(
      render(
        <Box flexDirection="row">
          <Text>日本</Text>
          <Text>|x</Text>
        </Box>,
      ),
    ).toBe("日本|x");
  });

  test("invisible characters take no cell, inside a block of several lines too", () => {
    expect(render(<Text>{"ab\u00adcd\nef\u200bgh"}</Text>)).toBe("abcd\nefgh");
  });

  test("any mix of plain, accented and wide text is drawn line for line", () => {
    const alphabet = fc.constantFrom(..."abcXYZ 019.,-*│é₽日€\n".split(""));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (chars) => {
        const text = chars.join("");
        fc.pre(text.trim() !== "");
        expect(render(<Text>{text}</Text>)).toBe(rows(text).join("\n"));
      }),
      { numRuns: 300 },
    );
  });
});
