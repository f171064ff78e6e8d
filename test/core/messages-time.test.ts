/**
 * Time-of-day messages (`when: {event: "time", from, to, days?}`): in force from `from` (inclusive)
 * to `to` (exclusive), local time, on the given ISO weekdays (every day without), over midnight
 * when `from` is after `to`; the schema refuses what cannot be one.
 */
import { describe, expect, test } from "bun:test";
import { messageSchema, timeMessagesAt } from "../../src/core/messages/index.ts";
import { promotionClock } from "../../src/core/promotions/index.ts";

const happy = messageSchema.parse({
  id: "happy",
  when: { event: "time", from: "17:00", to: "19:00", days: [1, 2, 3, 4, 5] },
  cashier: "Happy hour until 19:00: drinks 3 for 2",
});
const late = messageSchema.parse({
  id: "late",
  when: { event: "time", from: "22:00", to: "02:00" },
  cashier: "Late: check ID for alcohol",
});
const scan = messageSchema.parse({ id: "scan", when: { event: "scan", code: "OJ" }, cashier: "Juice!" });
const all = [happy, late, scan];

/** 2026-12-07 is a Monday; the store is in Paris (UTC+1 in December). */
function at(local: string): ReturnType<typeof promotionClock> {
  return promotionClock(new Date(`${local}+01:00`), "Europe/Paris");
}

describe("time-of-day messages", () => {
  test("in force from `from` (inclusive) to `to` (exclusive), on the given weekdays", () => {
    expect(timeMessagesAt(all, at("2026-12-07T16:59:00")).map((m) => m.id)).toEqual([]);
    expect(timeMessagesAt(all, at("2026-12-07T17:00:00")).map((m) => m.id)).toEqual(["happy"]);
    expect(timeMessagesAt(all, at("2026-12-07T18:59:00")).map((m) => m.id)).toEqual(["happy"]);
    expect(timeMessagesAt(all, at("2026-12-07T19:00:00")).map((m) => m.id)).toEqual([]);
    // Saturday: not one of its days.
    expect(timeMessagesAt(all, at("2026-12-12T17:30:00")).map((m) => m.id)).toEqual([]);
  });

  test("a window over midnight", () => {
    expect(timeMessagesAt(all, at("2026-12-07T23:30:00")).map((m) => m.id)).toEqual(["late"]);
    expect(timeMessagesAt(all, at("2026-12-08T01:59:00")).map((m) => m.id)).toEqual(["late"]);
    expect(timeMessagesAt(all, at("2026-12-08T02:00:00")).map((m) => m.id)).toEqual([]);
  });

  test("the schema refuses what cannot be a time message", () => {
    const refused = (when: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
      const parsed = messageSchema.safeParse({ id: "x", when, cashier: "Hi", ...extra });
      return parsed.success ? null : parsed.error.issues[0]?.path.join(".");
    };
    expect(refused({ event: "time", from: "17:00" })).toBe("when.to");
    expect(refused({ event: "time", from: "25:00", to: "19:00" })).toBe("when.from");
    expect(refused({ event: "time", from: "17:00", to: "17:00" })).toBe("when.to");
    expect(refused({ event: "time", from: "17:00", to: "19:00", days: [0] })).toBe("when.days.0");
    expect(refused({ event: "lines", over: 3, from: "17:00", to: "19:00" })).toBe("when.from");
    expect(refused({ event: "time", from: "17:00", to: "19:00" }, { receipt: "Bye" })).toBe("receipt");
    expect(refused({ event: "time", from: "17:00", to: "19:00" })).toBeNull();
  });
});
