import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { canonicalJson } from "../../../src/core/events/canonical-json.ts";
import { codeOf } from "../expect-code.ts";

/** The same value with every object's keys inserted in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).reverse()) {
      const item = reverseKeys((value as Record<string, unknown>)[key]);
      Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

describe("canonicalJson", () => {
  test("sorts keys at every depth and writes no whitespace", () => {
    expect(canonicalJson({ b: 1, a: [3, { d: null, c: "x y" }], é: true, Z: 0 })).toBe(
      '{"Z":0,"a":[3,{"c":"x y","d":null}],"b":1,"é":true}',
    );
  });

  test("is independent of key insertion order", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(reverseKeys(value))).toBe(canonicalJson(value));
      }),
    );
  });

  test("reads back to the same value and the same text", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  test("orders keys by UTF-16 code units, integer-like keys included", () => {
    expect(canonicalJson({ "10": 1, "9": 2, a: 3, A: 4, "\u00e9": 5, "\ud83d\ude00": 6, "\uffff": 7 })).toBe(
      '{"10":1,"9":2,"A":4,"a":3,"é":5,"😀":6,"\uffff":7}',
    );
  });

  test("drops undefined properties, writes undefined array items as null, honours toJSON", () => {
    expect(
      canonicalJson({ a: undefined, b: [undefined, 1], c: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)) }),
    ).toBe('{"b":[null,1],"c":"2026-01-02T03:04:05.000Z"}');
  });

  test("escapes strings exactly as JSON does", () => {
    const text = 'quote " backslash \\ newline \n tab \t nul \u0000';
    expect(canonicalJson(text)).toBe(JSON.stringify(text));
  });

  test("refuses values JSON cannot carry faithfully", () => {
    for (const bad of [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      1n,
      () => 1,
      Symbol("s"),
      undefined,
      { a: { b: Number.NaN } },
    ]) {
      expect(codeOf(() => canonicalJson(bad))).toBe("NOT_CANONICAL_JSON");
    }
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(codeOf(() => canonicalJson(cyclic))).toBe("NOT_CANONICAL_JSON");
  });

  test("a value seen twice without a cycle is fine", () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: [shared] })).toBe('{"a":{"x":1},"b":[{"x":1}]}');
  });
});
