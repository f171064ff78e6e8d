/** The QR on the till's screen: half blocks that decode back to the matrix, small enough for 80×24. */
import { describe, expect, test } from "bun:test";
import { qrMatrix } from "../../../src/devices/qr/matrix.ts";
import { QR_SCREEN_QUIET, qrBlocks, qrBlocksSize } from "../../../src/till/ui/qr-blocks.ts";

/** Reads the drawing back: a module is light where its half of the character is drawn. */
function decode(lines: readonly string[], size: number, quiet: number): boolean[][] {
  const light = (x: number, y: number): boolean => {
    const char = [...(lines[Math.floor(y / 2)] ?? "")][x] ?? " ";
    return y % 2 === 0 ? char === "▀" || char === "█" : char === "▄" || char === "█";
  };
  const rows: boolean[][] = [];
  for (let y = 0; y < size + 2 * quiet; y++) {
    const row: boolean[] = [];
    for (let x = 0; x < size + 2 * quiet; x++) row.push(!light(x, y));
    rows.push(row);
  }
  return rows;
}

describe("QR codes in half blocks", () => {
  for (const url of [
    "https://shop.example/r/AZOo9GweEPO6m-XU86KxwNrQyr3RhQvcpJ8b",
    "https://receipts.riverside-coop.example/r/AZOo9GweEPO6m-XU86KxwNrQyr3RhQvcpJ8b",
  ]) {
    test(`decode back to bwip-js's matrix, quiet zone light (${url.length} characters)`, () => {
      const matrix = qrMatrix(url, "M");
      const lines = qrBlocks(matrix);
      const q = QR_SCREEN_QUIET;
      const decoded = decode(lines, matrix.size, q);
      for (let y = 0; y < decoded.length; y++) {
        for (let x = 0; x < decoded.length; x++) {
          const inside = y >= q && y < q + matrix.size && x >= q && x < q + matrix.size;
          expect(decoded[y]?.[x]).toBe(inside ? matrix.rows[y - q]?.[x - q] === true : false);
        }
      }
      const size = qrBlocksSize(matrix);
      expect(lines).toHaveLength(size.rows);
      for (const line of lines) expect([...line]).toHaveLength(size.columns);
      expect([...lines.join("")].every((c) => " ▀▄█".includes(c))).toBe(true);
    });
  }

  test("a receipt link fits an 80×24 screen with room for a title and the bars", () => {
    const matrix = qrMatrix("https://shop.example/r/AZOo9GweEPO6m-XU86KxwNrQyr3RhQvcpJ8b", "M");
    expect(matrix.size).toBe(33);
    expect(qrBlocksSize(matrix)).toEqual({ columns: 37, rows: 19 });
  });
});
