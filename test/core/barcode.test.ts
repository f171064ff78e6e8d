import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import {
  appendCheckDigit,
  CheckDigitError,
  classifyBarcode,
  expandUpcE,
  gs1CheckDigit,
  isValidGs1,
  priceCheckDigit,
  priceCheckDigit4,
  priceCheckDigit5,
  toGtin14,
} from "../../src/core/barcode.ts";
import { codeOf, domainErrorOf } from "./expect-code.ts";

describe("GS1 check digits", () => {
  test.each([
    ["EAN-13 (Stabilo pen)", "4006381333931"],
    ["EAN-13 (GS1 worked example)", "6291041500213"],
    ["EAN-13", "5901234123457"],
    ["EAN-8", "96385074"],
    ["EAN-8", "73513537"],
    ["UPC-A", "036000291452"],
    ["UPC-A (GS1 US example)", "614141000036"],
    ["GTIN-14 (GS1 US example)", "10614141000415"],
    ["GTIN-14 of a UPC-A", "00614141000036"],
  ])("%s %s is valid and its check digit is recomputed", (_label, code) => {
    expect(isValidGs1(code)).toBe(true);
    expect(gs1CheckDigit(code.slice(0, -1))).toBe(Number(code.at(-1)));
    expect(appendCheckDigit(code.slice(0, -1))).toBe(code);
  });

  test("a wrong last digit, a wrong length or a non-digit is not valid", () => {
    expect(isValidGs1("4006381333932")).toBe(false);
    expect(isValidGs1("96385075")).toBe(false);
    expect(isValidGs1("036000291453")).toBe(false);
    expect(isValidGs1("40063813339")).toBe(false);
    expect(isValidGs1("400638133393A")).toBe(false);
    expect(isValidGs1("")).toBe(false);
  });

  test("leading zeros do not change the check digit (right-aligned weights)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,13}$/), (body) => {
        expect(gs1CheckDigit(`0${body}`)).toBe(gs1CheckDigit(body));
      }),
    );
  });

  test("every single-digit error is detected", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{12}$/),
        fc.nat(12),
        fc.integer({ min: 1, max: 9 }),
        (body, position, bump) => {
          const code = appendCheckDigit(body);
          const digit = (Number(code[position]) + bump) % 10;
          const damaged = code.slice(0, position) + String(digit) + code.slice(position + 1);
          expect(isValidGs1(damaged)).toBe(false);
        },
      ),
    );
  });

  test("non-digits are refused with INVALID_DIGITS", () => {
    expect(codeOf(() => gs1CheckDigit("12a4"))).toBe("INVALID_DIGITS");
  });
});

describe("UPC-E expansion", () => {
  test.each([
    ["last digit 0–2 (Coca-Cola 12 oz can)", "04963406", "049000006346"],
    ["last digit 0–2", "04252614", "042100005264"],
    ["last digit 0–2", "01234523", "012200003453"],
    ["last digit 3", "01234531", "012300000451"],
    ["last digit 4", "01234543", "012340000053"],
    ["last digit 5–9", "01234565", "012345000065"],
    ["number system 1", "16543214", "165100004324"],
  ])("%s: %s expands to %s", (_label, upce, upca) => {
    expect(expandUpcE(upce)).toBe(upca);
    expect(isValidGs1(upca)).toBe(true);
  });

  test("the expansion follows the GS1 table for every final digit", () => {
    fc.assert(
      fc.property(fc.constantFrom("0", "1"), fc.stringMatching(/^[0-9]{6}$/), (ns, d) => {
        const upca = (() => {
          for (let check = 0; check < 10; check++) {
            const candidate = `${ns}${d}${check}`;
            if (classifyOrNull(candidate)?.kind === "upce") return expandUpcE(candidate);
          }
          throw new Error("no check digit makes a valid UPC-E");
        })();
        const last = Number(d[5]);
        const manufacturer = upca.slice(1, 6);
        const item = upca.slice(6, 11);
        if (last <= 2) {
          expect(manufacturer).toBe(`${d.slice(0, 2)}${last}00`);
          expect(item).toBe(`00${d.slice(2, 5)}`);
        } else if (last === 3) {
          expect(manufacturer).toBe(`${d.slice(0, 3)}00`);
          expect(item).toBe(`000${d.slice(3, 5)}`);
        } else if (last === 4) {
          expect(manufacturer).toBe(`${d.slice(0, 4)}0`);
          expect(item).toBe(`0000${d[4]}`);
        } else {
          expect(manufacturer).toBe(d.slice(0, 5));
          expect(item).toBe(`0000${last}`);
        }
        expect(isValidGs1(upca)).toBe(true);
      }),
    );
  });

  test("a wrong check digit is a CheckDigitError with expected and got", () => {
    const error = domainErrorOf(() => expandUpcE("04252615"));
    expect(error).toBeInstanceOf(CheckDigitError);
    expect(error.code).toBe("BAD_CHECK_DIGIT");
    expect(error.details).toMatchObject({ expected: 4, got: 5, digit: "check" });
  });

  test("wrong shapes are INVALID_UPCE", () => {
    expect(codeOf(() => expandUpcE("0425261"))).toBe("INVALID_UPCE");
    expect(codeOf(() => expandUpcE("24252614"))).toBe("INVALID_UPCE");
    expect(codeOf(() => expandUpcE("0425261x"))).toBe("INVALID_UPCE");
  });
});

function classifyOrNull(code: string) {
  try {
    return classifyBarcode(code);
  } catch {
    return null;
  }
}

describe("classifyBarcode and toGtin14", () => {
  test.each([
    ["4006381333931", "ean13", "04006381333931"],
    ["96385074", "ean8", "00000096385074"],
    ["036000291452", "upca", "00036000291452"],
    ["04252614", "upce", "00042100005264"],
    ["10614141000415", "gtin14", "10614141000415"],
    ["0036000291452", "ean13", "00036000291452"],
  ] as const)("%s is %s, GTIN-14 %s", (code, kind, gtin14) => {
    expect(classifyBarcode(code)).toEqual({ kind, gtin14 });
    expect(toGtin14(code)).toBe(gtin14);
  });

  test("UPC-E and its UPC-A normalise to the same GTIN-14", () => {
    expect(toGtin14("04963406")).toBe(toGtin14("049000006346"));
  });

  test("8 digits starting with 0 or 1 read as UPC-E when its check holds, else as EAN-8", () => {
    // 01234565 is a valid UPC-E and, by coincidence, a valid EAN-8: UPC-E wins.
    expect(classifyBarcode("01234565")?.kind).toBe("upce");
    // 00000017 is a valid EAN-8 (restricted circulation); as a UPC-E its check would be 9.
    expect(classifyBarcode("00000017")).toEqual({ kind: "ean8", gtin14: "00000000000017" });
    expect(codeOf(() => expandUpcE("00000017"))).toBe("BAD_CHECK_DIGIT");
  });

  test("not an all-digit GS1 length gives null", () => {
    for (const code of ["", "4011", "12345678901", "400638133393112", "40063813339 1", "ABCDEFGHIJKLM"]) {
      expect(classifyBarcode(code)).toBeNull();
    }
  });

  test("a fitting length with a wrong check digit throws BAD_CHECK_DIGIT with expected/got", () => {
    for (const [code, expected, got] of [
      ["4006381333930", 1, 0],
      ["036000291459", 2, 9],
      ["96385070", 4, 0],
      ["10614141000419", 5, 9],
    ] as const) {
      const error = domainErrorOf(() => classifyBarcode(code));
      expect(error).toBeInstanceOf(CheckDigitError);
      expect(error.kind).toBe("invalid");
      expect(error.details).toMatchObject({ expected, got });
    }
  });

  test("toGtin14 refuses what is not a barcode", () => {
    expect(codeOf(() => toGtin14("4011"))).toBe("INVALID_BARCODE");
    expect(codeOf(() => toGtin14("4006381333930"))).toBe("BAD_CHECK_DIGIT");
  });

  test("every valid code of every length classifies and normalises to a valid GTIN-14", () => {
    fc.assert(
      fc.property(fc.constantFrom(7, 11, 12, 13), fc.nat(), (length, seed) => {
        const body = String(seed).padStart(length, "7").slice(-length);
        const code = appendCheckDigit(body);
        const classified = classifyBarcode(code);
        expect(classified).not.toBeNull();
        expect(isValidGs1(classified?.gtin14 ?? "")).toBe(true);
        expect(classified?.gtin14.length).toBe(14);
      }),
    );
  });
});

describe("price verifier digits (GS1 General Specifications 7.9)", () => {
  test("4-digit: worked example 2875 → 9", () => {
    // 2-(2)=4, 2-(8)=5, 3(7)=1, 5-(5)=3; sum 13; 13×3 = 39 → 9
    expect(priceCheckDigit4("2875")).toBe(9);
  });

  test("4-digit: 0499 → 8 and 1234 → 9", () => {
    // 0499: 0 + 8 + 7 + 1 = 16; ×3 = 48 → 8
    expect(priceCheckDigit4("0499")).toBe(8);
    // 1234: 2-(1)=2, 2-(2)=4, 3(3)=9, 5-(4)=8; sum 23; ×3 = 69 → 9
    expect(priceCheckDigit4("1234")).toBe(9);
  });

  test("5-digit: worked example 14685 → 6", () => {
    // 5+(1)=5, 2-(4)=8, 5-(6)=7, 5+(8)=4, 2-(5)=9; sum 33; 40-33 = 7; 5-(6) = 7 → 6
    expect(priceCheckDigit5("14685")).toBe(6);
  });

  test("5-digit: 03975 → 8", () => {
    // 5+(0)=0, 2-(3)=6, 5-(9)=1, 5+(7)=8, 2-(5)=9; sum 24; 30-24 = 6; 5-(8) = 6 → 8
    expect(priceCheckDigit5("03975")).toBe(8);
  });

  test("5-digit: every value's verifier balances the weighted sum (7.9.3, from the factors)", () => {
    // A weighting factor w± maps d to the units digit of w·d plus (or minus) its tens digit.
    const factor = (w: number, sign: 1 | -1 | 0) => (d: number) => {
      const product = w * d;
      return ((((product % 10) + sign * Math.floor(product / 10)) % 10) + 10) % 10;
    };
    const weights = [factor(5, 1), factor(2, -1), factor(5, -1), factor(5, 1), factor(2, -1)];
    const verifierWeight = factor(5, -1);
    for (let n = 0; n < 100_000; n++) {
      const value = String(n).padStart(5, "0");
      const sum = weights.reduce((acc, weigh, i) => acc + weigh(Number(value[i])), 0);
      // the verifier is the digit whose 5- product brings the sum to a multiple of ten
      expect((sum + verifierWeight(priceCheckDigit5(value))) % 10).toBe(0);
    }
  });

  test("priceCheckDigit dispatches by length and refuses other lengths", () => {
    expect(priceCheckDigit("2875")).toBe(9);
    expect(priceCheckDigit("14685")).toBe(6);
    expect(codeOf(() => priceCheckDigit4("287"))).toBe("INVALID_DIGITS");
    expect(codeOf(() => priceCheckDigit5("1468a"))).toBe("INVALID_DIGITS");
  });

  test("a change in any single price digit changes the verifier", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(4, 5),
        fc.nat(99999),
        fc.nat(4),
        fc.integer({ min: 1, max: 9 }),
        (length, n, at, bump) => {
          const price = String(n).padStart(5, "0").slice(-length);
          const position = at % length;
          const changed =
            price.slice(0, position) +
            String((Number(price[position]) + bump) % 10) +
            price.slice(position + 1);
          expect(priceCheckDigit(changed)).not.toBe(priceCheckDigit(price));
        },
      ),
    );
  });
});
