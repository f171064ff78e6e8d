import { describe, expect, test } from "bun:test";
import { dateInZone } from "../../src/core/age-check.ts";
import { businessDay } from "../../src/core/business-day.ts";

describe("businessDay", () => {
  test("is the calendar date of the instant in the store's time zone", () => {
    const lateInNewYork = new Date("2026-03-02T04:30:00Z"); // 23:30 on 1 March in New York
    expect(businessDay(lateInNewYork, "America/New_York")).toBe("2026-03-01");
    expect(businessDay(lateInNewYork, "UTC")).toBe("2026-03-02");
    expect(businessDay(lateInNewYork, "Pacific/Kiritimati")).toBe("2026-03-02");
  });

  test("refuses a zone the runtime does not know", () => {
    expect(() => businessDay(new Date(), "Mars/Olympus")).toThrow(RangeError);
  });

  test("the age check counts the same day", () => {
    const at = new Date("2026-03-02T04:30:00Z");
    expect(dateInZone(at, "America/New_York")).toEqual({ year: 2026, month: 3, day: 1 });
  });
});
