import { describe, expect, test } from "bun:test";
import { clockTime, localInstant } from "../../src/core/services/local-time.ts";
import { wallClock, zoneOffsetMs } from "../../src/core/wall-clock.ts";

describe("the wall clock of an instant in a time zone", () => {
  test("reads date, weekday and time where the shop is", () => {
    // 2026-03-02T04:30:00Z is Sunday 1 March, 23:30 in New York.
    expect(wallClock(new Date("2026-03-02T04:30:15Z"), "America/New_York")).toEqual({
      year: 2026,
      month: 3,
      day: 1,
      weekday: 7,
      hour: 23,
      minute: 30,
      second: 15,
    });
    expect(wallClock(Date.parse("2026-07-01T00:00:00Z"), "Asia/Baku").hour).toBe(4);
  });

  test("midnight is hour 0, never 24", () => {
    expect(wallClock(new Date("2026-01-01T00:00:00Z"), "UTC").hour).toBe(0);
  });

  test("the zone's offset follows daylight saving", () => {
    expect(zoneOffsetMs(Date.parse("2026-01-15T12:00:00Z"), "Europe/Paris")).toBe(3_600_000);
    expect(zoneOffsetMs(Date.parse("2026-07-15T12:00:00Z"), "Europe/Paris")).toBe(7_200_000);
  });

  test("a wall-clock time on a day maps to its instant, on both sides of a change of clocks", () => {
    expect(new Date(localInstant("2026-03-28", "09:00", "Europe/Paris")).toISOString()).toBe(
      "2026-03-28T08:00:00.000Z",
    );
    expect(new Date(localInstant("2026-03-30", "09:00", "Europe/Paris")).toISOString()).toBe(
      "2026-03-30T07:00:00.000Z",
    );
    expect(clockTime("2026-03-30T07:00:00.000Z", "Europe/Paris")).toBe("09:00");
  });

  test("an unknown zone is refused", () => {
    expect(() => wallClock(new Date(), "Mars/Olympus")).toThrow(RangeError);
  });
});
