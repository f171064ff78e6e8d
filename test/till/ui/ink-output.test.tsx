/**
 * Ink's output as patched for the till (patches/ink@8.0.0.patch): a block of plain text is
 * written row by row without being tokenized as a whole, printable ASCII gets its cells without
 * grapheme segmentation, everything else (styles, wide or invisible characters) still takes
 * Ink's own path, and a row made of the cells a row of the last frame had is that row's text
 * again. What reaches the terminal must be the same either way (styled text is covered by the
 * screens' tests).
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

  test("each frame is drawn as it would be after any other: rows kept, scrolled, changed or restyled", () => {
    const row = fc.record({
      text: fc.constantFrom(
        "  1 Milk 1l   1.00",
        "  2 Bread   2.50",
        "  3 Café   3,10 ₽",
        "日本 x",
        "",
        "TOTAL",
      ),
      style: fc.constantFrom("plain", "inverse", "bold"),
    });
    const frame = (rows: { text: string; style: string }[]) => (
      <Box flexDirection="column">
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a row is its position on the screen
          <Text key={i} inverse={r.style === "inverse"} bold={r.style === "bold"}>
            {r.text}
          </Text>
        ))}
      </Box>
    );
    // A frame of another width shares no row with the next one: that one is drawn afresh.
    const afresh = (node: React.ReactNode) => {
      renderToString(<Text>-</Text>, { columns: 37 });
      return render(node);
    };
    fc.assert(
      fc.property(
        fc.array(fc.array(row, { minLength: 1, maxLength: 8 }), { minLength: 2, maxLength: 6 }),
        (frames) => {
          for (const rows of frames) {
            const drawn = render(frame(rows));
            expect(drawn).toBe(afresh(frame(rows)));
            // The next frame follows this one, as on the till's screen.
            render(frame(rows));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
