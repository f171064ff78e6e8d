/** ESC/POS QR codes: the printer's own command byte for byte, and the raster image of the matrix. */
import { describe, expect, test } from "bun:test";
import { qrNativeCommand, qrRasterCommand } from "../../../src/devices/escpos/qr.ts";
import { qrMatrix, qrVersion } from "../../../src/devices/qr/matrix.ts";

const URL = "https://shop.example/r/AbC";

describe("the printer's own QR command (GS ( k)", () => {
  test("model 2, module size, correction M, store and print, with their lengths", () => {
    const data = [...new TextEncoder().encode(URL)];
    expect(data).toHaveLength(26);
    const expected = [
      // fn 165: select model 2 — pL pH = 4 (cn fn n1 n2)
      [0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00],
      // fn 167: module size 6
      [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 0x06],
      // fn 169: error correction M (49)
      [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x31],
      // fn 180: store 26 bytes — pL pH = 26 + 3 = 29
      [0x1d, 0x28, 0x6b, 29, 0x00, 0x31, 0x50, 0x30, ...data],
      // fn 181: print
      [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30],
    ].flat();
    expect([...qrNativeCommand(URL, { moduleSize: 6, correction: "M" })]).toEqual(expected);
  });

  test("data longer than 252 bytes carries its length in pH", () => {
    const long = `https://shop.example/r/${"x".repeat(300)}`;
    const bytes = qrNativeCommand(long, { moduleSize: 4 });
    const store = bytes.slice(9 + 8 + 8);
    const length = long.length + 3;
    expect([...store.slice(0, 8)]).toEqual([0x1d, 0x28, 0x6b, length & 0xff, length >> 8, 0x31, 0x50, 0x30]);
    expect(bytes.length).toBe(9 + 8 + 8 + 8 + long.length + 8);
  });

  test("no data or too much is refused", () => {
    expect(() => qrNativeCommand("", { moduleSize: 4 })).toThrow(RangeError);
    expect(() => qrNativeCommand("x".repeat(7090), { moduleSize: 4 })).toThrow(RangeError);
  });
});

describe("the QR as a raster image (GS v 0)", () => {
  test("the header gives bytes per row and dot rows; each dot is the matrix's module", () => {
    const matrix = qrMatrix(URL, "M");
    expect(matrix.size).toBe(25);
    expect(qrVersion(matrix)).toBe(2);
    const scale = 3;
    const quiet = 4;
    const bytes = qrRasterCommand(matrix, scale, quiet);
    const dots = (25 + 2 * quiet) * scale;
    const widthBytes = Math.ceil(dots / 8);
    expect([...bytes.slice(0, 8)]).toEqual([0x1d, 0x76, 0x30, 0x00, widthBytes, 0, dots & 0xff, dots >> 8]);
    expect(bytes.length).toBe(8 + widthBytes * dots);
    const dot = (x: number, y: number): boolean =>
      ((bytes[8 + y * widthBytes + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0;
    for (let my = -quiet; my < 25 + quiet; my++) {
      for (let mx = -quiet; mx < 25 + quiet; mx++) {
        const dark = matrix.rows[my]?.[mx] === true;
        for (let dy = 0; dy < scale; dy++) {
          for (let dx = 0; dx < scale; dx++) {
            expect(dot((mx + quiet) * scale + dx, (my + quiet) * scale + dy)).toBe(dark);
          }
        }
      }
    }
  });
});
