/** The loyalty arithmetic: exact integers, no negative earning, expiry never takes more than is left. */
import { expect, test } from "bun:test";
import fc from "fast-check";
import {
  type LedgerMove,
  type LoyaltyProgram,
  multiplierFor,
  pointsEarned,
  pointsForAmount,
  pointsToExpire,
  pointsValueMinor,
  redemptionRefusal,
  remainingLots,
} from "../../src/core/loyalty.ts";

const program: LoyaltyProgram = {
  earn: { points: 1, perAmountMinor: 100 },
  pointValueMinor: 1,
  groupMultipliers: { gold: 200, vip: 150 },
};

const programArb = fc.record({
  earn: fc.record({
    points: fc.integer({ min: 1, max: 1000 }),
    perAmountMinor: fc.integer({ min: 1, max: 100_000 }),
  }),
  pointValueMinor: fc.integer({ min: 1, max: 1000 }),
});

test("earning: a point per whole amount, multiplied per group (the highest counts)", () => {
  expect(pointsEarned(program, 1_299)).toBe(12);
  expect(pointsEarned(program, 1_299, multiplierFor(program, ["vip", "gold"]))).toBe(24);
  expect(pointsEarned(program, 1_299, multiplierFor(program, ["vip"]))).toBe(18);
  expect(pointsEarned(program, -500)).toBe(0);
});

test("earning is a whole, non-negative number that grows with what was paid", () => {
  fc.assert(
    fc.property(
      programArb,
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.integer({ min: 0, max: 1e9 }),
      fc.integer({ min: 0, max: 1000 }),
      (p, a, extra, m) => {
        const earned = pointsEarned(p, a, m);
        expect(Number.isSafeInteger(earned) && earned >= 0).toBe(true);
        expect(pointsEarned(p, a + extra, m)).toBeGreaterThanOrEqual(earned);
      },
    ),
  );
});

test("the points for an amount are never worth more than the amount, and one more point would be", () => {
  fc.assert(
    fc.property(programArb, fc.integer({ min: 0, max: 1e9 }), (p, amount) => {
      const points = pointsForAmount(p, amount);
      expect(pointsValueMinor(p, points)).toBeLessThanOrEqual(amount);
      expect(pointsValueMinor(p, points + 1)).toBeGreaterThan(amount);
    }),
  );
});

test("a redemption never holds more than the balance less what is held", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: -10, max: 1e6 }),
      fc.integer({ min: 0, max: 1e6 }),
      fc.integer({ min: 0, max: 1e6 }),
      fc.integer({ min: 1, max: 100 }),
      (amount, balance, held, min) => {
        if (redemptionRefusal(amount, balance, held, min) === null) {
          expect(amount).toBeGreaterThanOrEqual(min);
          expect(amount).toBeLessThanOrEqual(balance - held);
        }
      },
    ),
  );
  expect(redemptionRefusal(50, 100, 60)).toBe("OVER_BALANCE");
  expect(redemptionRefusal(5, 100, 0, 10)).toBe("BELOW_MINIMUM");
});

const movesArb = fc.array(
  fc.oneof(
    fc.record({
      amount: fc.integer({ min: 1, max: 1000 }),
      expiresAt: fc.option(
        fc.integer({ min: 1, max: 28 }).map((d) => `2026-02-${String(d).padStart(2, "0")}T00:00:00.000Z`),
        { nil: null },
      ),
    }),
    fc.record({ amount: fc.integer({ min: -1000, max: -1 }), expiresAt: fc.constant(null) }),
  ),
  { maxLength: 30 },
);

test("what is left of the credits sums to the balance; expiry never takes more than is left", () => {
  fc.assert(
    fc.property(movesArb, fc.integer({ min: 1, max: 28 }), (raw, day) => {
      // Keep the balance non-negative, as the ledger does.
      const moves: LedgerMove[] = [];
      let balance = 0;
      for (const m of raw) {
        if (balance + m.amount < 0) continue;
        moves.push(m);
        balance += m.amount;
      }
      const left = remainingLots(moves).reduce((s, l) => s + l.amount, 0);
      expect(left).toBe(balance);
      const now = `2026-02-${String(day).padStart(2, "0")}T12:00:00.000Z`;
      const expiring = pointsToExpire(moves, now);
      expect(expiring).toBeGreaterThanOrEqual(0);
      expect(expiring).toBeLessThanOrEqual(balance);
      // Once taken off, nothing more expires at the same time.
      expect(pointsToExpire([...moves, { amount: -expiring, expiresAt: null }], now)).toBe(0);
    }),
  );
});

test("debits use the credits that expire first", () => {
  const moves: LedgerMove[] = [
    { amount: 100, expiresAt: "2026-03-01T00:00:00.000Z" },
    { amount: 50, expiresAt: "2026-01-01T00:00:00.000Z" },
    { amount: -60, expiresAt: null },
  ];
  expect(pointsToExpire(moves, "2026-02-01T00:00:00.000Z")).toBe(0);
  expect(pointsToExpire(moves, "2026-03-02T00:00:00.000Z")).toBe(90);
  expect(pointsToExpire(moves, "2026-03-02T00:00:00.000Z", 40)).toBe(50);
});
