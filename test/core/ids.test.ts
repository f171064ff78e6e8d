import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import {
  createUuidv7Generator,
  formatReceiptNo,
  isUuid,
  isUuidv7,
  parseReceiptNo,
  uuidSchema,
  uuidv7,
  uuidv7Schema,
  uuidv7Time,
} from "../../src/core/ids.ts";
import { codeOf } from "./expect-code.ts";

const zeros = (bytes: Uint8Array) => bytes.fill(0);

describe("uuidv7", () => {
  test("has the RFC 9562 layout: version 7 and variant 10", () => {
    for (let i = 0; i < 100; i++) {
      const id = uuidv7();
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const variantNibble = Number.parseInt(id[19] ?? "", 16);
      expect(variantNibble >> 2).toBe(0b10);
      expect(isUuidv7(id)).toBe(true);
    }
  });

  test("10,000 ids generated in a row sort as generated and are distinct", () => {
    const ids = Array.from({ length: 10_000 }, () => uuidv7());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("after an id at a time far ahead (a test or import clock), ids on the live clock still sort as generated", () => {
    let clock = 1_700_000_000_000;
    const generate = createUuidv7Generator({ now: () => clock });
    generate(clock + 86_400_000);
    const ids = Array.from({ length: 5_000 }, (_, i) => {
      if (i % 1000 === 999) clock += 1;
      return generate();
    });
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("the time is extracted from the first 48 bits", () => {
    const before = Date.now();
    const id = uuidv7();
    const after = Date.now();
    expect(uuidv7Time(id)).toBeGreaterThanOrEqual(before);
    // The counter may borrow a millisecond from the future when it overflows.
    expect(uuidv7Time(id)).toBeLessThanOrEqual(after + 5);
    expect(uuidv7Time(uuidv7(1_700_000_000_123))).toBe(1_700_000_000_123);
    expect(uuidv7Time("017f22e2-79b0-7cc3-98c4-dc0c0c07398f")).toBe(0x017f22e279b0);
  });

  test("an explicit time round-trips for any 48-bit millisecond", () => {
    const generate = createUuidv7Generator({ now: () => 0 });
    fc.assert(
      fc.property(fc.integer({ min: 20_000, max: 2 ** 48 - 1 }), (ms) => {
        const fresh = createUuidv7Generator();
        expect(uuidv7Time(fresh(ms))).toBe(ms);
        expect(isUuidv7(generate(ms))).toBe(true);
      }),
    );
  });

  test("within one millisecond the counter increments, and overflow moves the time on by 1 ms", () => {
    const generate = createUuidv7Generator({ now: () => 5_000, random: zeros });
    const ids = Array.from({ length: 4097 }, () => generate());
    expect([...ids].sort()).toEqual(ids);
    expect(uuidv7Time(ids[0] ?? "")).toBe(5_000);
    expect(ids[0]?.slice(14, 18)).toBe("7000");
    expect(ids[1]?.slice(14, 18)).toBe("7001");
    expect(uuidv7Time(ids[4095] ?? "")).toBe(5_000);
    expect(ids[4095]?.slice(14, 18)).toBe("7fff");
    expect(uuidv7Time(ids[4096] ?? "")).toBe(5_001);
  });

  test("a clock stepping back a little keeps ids increasing", () => {
    let now = 1_000_000;
    const generate = createUuidv7Generator({ now: () => now });
    const first = generate();
    now -= 2_000;
    const second = generate();
    expect(second > first).toBe(true);
    expect(uuidv7Time(second)).toBe(1_000_000);
  });

  test("a deliberately back-dated time is used as given", () => {
    const generate = createUuidv7Generator({ now: () => 1_800_000_000_000 });
    generate();
    expect(uuidv7Time(generate(1_600_000_000_000))).toBe(1_600_000_000_000);
    expect(uuidv7Time(generate())).toBe(1_800_000_000_000);
  });

  test("a time outside 0…2^48−1 whole milliseconds is refused", () => {
    for (const bad of [-1, 1.5, 2 ** 48, Number.NaN]) {
      expect(codeOf(() => uuidv7(bad))).toBe("INVALID_TIMESTAMP");
    }
  });

  test("uuidv7Time refuses a non-v7 id", () => {
    expect(codeOf(() => uuidv7Time("9b2f4c1e-3a5d-4e6f-8a7b-1c2d3e4f5a6b"))).toBe("INVALID_UUID");
  });
});

describe("UUID validation", () => {
  test.each([
    ["9b2f4c1e-3a5d-4e6f-8a7b-1c2d3e4f5a6b", true, false],
    ["017F22E2-79B0-7CC3-98C4-DC0C0C07398F", true, true],
    ["017f22e2-79b0-7cc3-98c4-dc0c0c07398f", true, true],
    ["00000000-0000-0000-0000-000000000000", false, false],
    ["017f22e2-79b0-7cc3-08c4-dc0c0c07398f", false, false],
    ["017f22e2-79b0-0cc3-98c4-dc0c0c07398f", false, false],
    ["017f22e279b07cc398c4dc0c0c07398f", false, false],
    ["017f22e2-79b0-7cc3-98c4-dc0c0c07398", false, false],
    ["not-a-uuid", false, false],
  ])("%s: uuid %p, v7 %p", (text, uuid, v7) => {
    expect(isUuid(text)).toBe(uuid);
    expect(isUuidv7(text)).toBe(v7);
    expect(uuidSchema.safeParse(text).success).toBe(uuid);
    expect(uuidv7Schema.safeParse(text).success).toBe(v7);
  });
});

describe("receipt numbers", () => {
  test("STORE-TILL-SEQ with the sequence zero-padded to six digits", () => {
    expect(formatReceiptNo("S1", "T2", 123)).toBe("S1-T2-000123");
    expect(formatReceiptNo("BK_01", "3", 1)).toBe("BK_01-3-000001");
    expect(formatReceiptNo("S1", "T2", 1_234_567)).toBe("S1-T2-1234567");
  });

  test("parses what it formats, padded or not", () => {
    expect(parseReceiptNo("S1-T2-000123")).toEqual({ storeId: "S1", tillId: "T2", seq: 123 });
    expect(parseReceiptNo("S1-T2-123")).toEqual({ storeId: "S1", tillId: "T2", seq: 123 });
    expect(parseReceiptNo(" S1-T2-1234567 ")).toEqual({ storeId: "S1", tillId: "T2", seq: 1_234_567 });
  });

  test("round-trips for any valid store, till and sequence", () => {
    const part = fc.stringMatching(/^[A-Za-z0-9_]{1,16}$/);
    fc.assert(
      fc.property(
        part,
        part,
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        (storeId, tillId, seq) => {
          expect(parseReceiptNo(formatReceiptNo(storeId, tillId, seq))).toEqual({ storeId, tillId, seq });
        },
      ),
    );
  });

  test("refuses ids with '-' or other characters, and sequences below 1 or fractional", () => {
    expect(codeOf(() => formatReceiptNo("S-1", "T2", 1))).toBe("INVALID_RECEIPT_PART");
    expect(codeOf(() => formatReceiptNo("S1", "T 2", 1))).toBe("INVALID_RECEIPT_PART");
    expect(codeOf(() => formatReceiptNo("", "T2", 1))).toBe("INVALID_RECEIPT_PART");
    expect(codeOf(() => formatReceiptNo("S1", "T2", 0))).toBe("INVALID_RECEIPT_PART");
    expect(codeOf(() => formatReceiptNo("S1", "T2", 1.5))).toBe("INVALID_RECEIPT_PART");
    expect(codeOf(() => formatReceiptNo("S1", "A_very_long_till_id", 1))).toBe("INVALID_RECEIPT_PART");
  });

  test("text that is not a receipt number gives null", () => {
    for (const text of [
      "",
      "S1-T2",
      "S1-T2-",
      "S1-T2-0",
      "S1-T2-12a",
      "S-1-T2-000001",
      "S1_T2_000001",
      "S1-T2-99999999999999999",
    ]) {
      expect(parseReceiptNo(text)).toBeNull();
    }
  });
});
