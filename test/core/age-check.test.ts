import { describe, expect, test } from "bun:test";
import {
  ageOn,
  type DobOrder,
  dateInZone,
  dobOrderOf,
  parseDob,
  requiredAge,
} from "../../src/core/age-check.ts";

const d = (year: number, month: number, day: number) => ({ year, month, day });

describe("age from a date of birth", () => {
  test("a year older on the birthday, not the day before", () => {
    expect(ageOn(d(2005, 6, 15), d(2026, 6, 14))).toBe(20);
    expect(ageOn(d(2005, 6, 15), d(2026, 6, 15))).toBe(21);
    expect(ageOn(d(2005, 6, 15), d(2026, 12, 31))).toBe(21);
    expect(ageOn(d(2005, 6, 15), d(2027, 1, 1))).toBe(21);
  });

  test("born on 29 February: a year older on 1 March in a common year, on 29 February in a leap year", () => {
    expect(ageOn(d(2004, 2, 29), d(2025, 2, 28))).toBe(20);
    expect(ageOn(d(2004, 2, 29), d(2025, 3, 1))).toBe(21);
    expect(ageOn(d(2008, 2, 29), d(2028, 2, 28))).toBe(19);
    expect(ageOn(d(2008, 2, 29), d(2028, 2, 29))).toBe(20);
  });

  test("today is the store's date: 23:30 in New York on the eve of the birthday is not the birthday yet", () => {
    const now = new Date("2026-06-16T03:30:00Z");
    expect(dateInZone(now, "America/New_York")).toEqual(d(2026, 6, 15));
    expect(dateInZone(now, "UTC")).toEqual(d(2026, 6, 16));
    expect(ageOn(d(2005, 6, 16), dateInZone(now, "America/New_York"))).toBe(20);
    expect(ageOn(d(2005, 6, 16), dateInZone(now, "UTC"))).toBe(21);
    // East of UTC: already the birthday in Tokyo.
    expect(dateInZone(new Date("2026-06-15T16:00:00Z"), "Asia/Tokyo")).toEqual(d(2026, 6, 16));
  });
});

describe("reading a date of birth", () => {
  const dmy: DobOrder = "dmy";
  test("eight digits in the locale's order, or with separators", () => {
    expect(parseDob("15062005", dmy)).toEqual(d(2005, 6, 15));
    expect(parseDob("15.06.2005", dmy)).toEqual(d(2005, 6, 15));
    expect(parseDob("06/15/2005", "mdy")).toEqual(d(2005, 6, 15));
    expect(parseDob("06152005", "mdy")).toEqual(d(2005, 6, 15));
    expect(parseDob("2005-06-15", "ymd")).toEqual(d(2005, 6, 15));
    expect(parseDob("1/2/2005", dmy)).toEqual(d(2005, 2, 1));
  });

  test("no such day, or not a date: null", () => {
    expect(parseDob("29022005", dmy)).toBeNull();
    expect(parseDob("29022004", dmy)).toEqual(d(2004, 2, 29));
    expect(parseDob("31042005", dmy)).toBeNull();
    expect(parseDob("1506205", dmy)).toBeNull();
    expect(parseDob("y", dmy)).toBeNull();
    expect(parseDob("15061805", dmy)).toBeNull();
  });

  test("the locale says the order", () => {
    expect(dobOrderOf("en-US")).toBe("mdy");
    expect(dobOrderOf("fr-FR")).toBe("dmy");
    expect(dobOrderOf("ru-RU")).toBe("dmy");
    expect(dobOrderOf("en-GB")).toBe("dmy");
    expect(dobOrderOf("az-AZ")).toBe("dmy");
  });
});

describe("the age an item needs", () => {
  test("the product's own minimum wins; left unset, its department's", () => {
    expect(requiredAge(21, 18)).toBe(21);
    expect(requiredAge(null, 18)).toBe(18);
    expect(requiredAge(0, 21)).toBe(0);
    expect(requiredAge(null, null)).toBe(0);
  });
});
