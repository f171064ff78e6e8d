/**
 * What patches/ink@8.0.0.patch changes in Ink's output step, observed through the tokenizer
 * Ink calls to split text into styled cells (the costly part of a frame): a printable ASCII
 * line becomes its cells without it, and a line drawn in the frame before is not tokenized
 * again. That the patched output is the same text is checked in ink-output.test.tsx, and the
 * patch's rows written whole in terminal-writes.test.ts.
 */
import { describe, expect, mock, test } from "bun:test";
import * as tokenizer from "@alcalzone/ansi-tokenize";

let tokenized = 0;
const realTokenize = tokenizer.tokenize;
mock.module("@alcalzone/ansi-tokenize", () => ({
  ...tokenizer,
  tokenize: (text: string) => {
    tokenized++;
    return realTokenize(text);
  },
}));
const { Box, renderToString, Text } = await import("ink");

/** How many times a frame of `node` tokenized text. */
function tokenizedFor(node: React.ReactNode): number {
  tokenized = 0;
  renderToString(node, { columns: 80 });
  return tokenized;
}

describe("Ink as patched for the till", () => {
  test("a block of printable ASCII lines is drawn without tokenizing it", () => {
    expect(tokenizedFor(<Text>{"  1 Milk 1l          1.00\n  2 Bread            2.50"}</Text>)).toBe(0);
  });

  test("lines drawn in the frame before are not tokenized again", () => {
    const frame = (
      <Box flexDirection="column">
        <Text color="green">Café crème 3,10 ₽</Text>
        <Text bold>Subtotal 3.79</Text>
      </Box>
    );
    expect(tokenizedFor(frame)).toBeGreaterThan(0);
    expect(tokenizedFor(frame)).toBe(0);
  });
});
