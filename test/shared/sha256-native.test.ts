/**
 * Head office verifies event hashes with the runtime's native SHA-256: it must answer exactly what
 * the core's own SHA-256 answers, on any text (UTF-8 of any code point, every padding boundary).
 */
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { sha256Hex } from "../../src/core/sha256.ts";
import { nativeSha256Hex } from "../../src/shared/sha256-native.ts";

describe("nativeSha256Hex", () => {
  test("the known answers of SHA-256", () => {
    expect(nativeSha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(nativeSha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  test("the same hash as the core's on any text, one call after another", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: "binary", maxLength: 300 }), { minLength: 1, maxLength: 5 }),
        (texts) => {
          for (const text of texts) expect(nativeSha256Hex(text)).toBe(sha256Hex(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  test("lengths around the 64-byte block and its padding", () => {
    for (let n = 0; n < 200; n++) {
      const text = "é".repeat(n % 7) + "a".repeat(n);
      expect(nativeSha256Hex(text)).toBe(sha256Hex(text));
    }
  });
});
