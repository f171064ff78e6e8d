import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { sha256Hex } from "../../src/core/sha256.ts";

const reference = (text: string) => new Bun.CryptoHasher("sha256").update(text).digest("hex");

describe("sha256Hex", () => {
  test("the standard test vectors", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
  });

  test("agrees with the runtime's SHA-256 on any text, at every block boundary", () => {
    for (let n = 0; n < 200; n++) expect(sha256Hex("é".repeat(n))).toBe(reference("é".repeat(n)));
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 400 }),
        (text) => sha256Hex(text) === reference(text),
      ),
    );
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 3000 }),
        (text) => sha256Hex(text) === reference(text),
      ),
    );
  });
});
