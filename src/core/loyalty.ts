/**
 * The loyalty programme's arithmetic, pure and in integers: points earned on an amount paid,
 * what points are worth, how many points an amount takes, whether a redemption may go ahead,
 * and which points expire (debits use the credits that expire first).
 */
import { z } from "zod";

export const loyaltyProgramSchema = z.strictObject({
  /** `points` points for every whole `perAmountMinor` paid (after discounts and redemptions). */
  earn: z.strictObject({
    points: z.int().min(1).max(1_000_000),
    perAmountMinor: z.int().min(1).max(100_000_000),
  }),
  /** What one point is worth when redeemed, in minor units. */
  pointValueMinor: z.int().min(1).max(1_000_000),
  /** The fewest points one redemption may use. */
  minRedeemPoints: z.int().min(1).max(100_000_000).optional(),
  /** Points expire this many days after they are earned; never without. */
  expiryDays: z.int().min(1).max(3660).optional(),
  /** Per customer group: earning multiplied by percent / 100 (200 doubles); the highest of a customer's groups counts. */
  groupMultipliers: z.record(z.string().min(1).max(64), z.int().min(0).max(10_000)).optional(),
});
export type LoyaltyProgram = z.infer<typeof loyaltyProgramSchema>;

/** Points earned on `paidMinor` with a multiplier in percent (100 = ×1); never negative, always whole. */
export function pointsEarned(program: LoyaltyProgram, paidMinor: number, multiplierPercent = 100): number {
  if (paidMinor <= 0) return 0;
  const base = Math.floor(paidMinor / program.earn.perAmountMinor) * program.earn.points;
  return Math.floor((base * multiplierPercent) / 100);
}

/** The multiplier of a customer in these groups: the highest among them, ×1 without any. */
export function multiplierFor(program: LoyaltyProgram, groups: readonly string[]): number {
  let best: number | undefined;
  for (const g of groups) {
    const m = program.groupMultipliers?.[g];
    if (m !== undefined && (best === undefined || m > best)) best = m;
  }
  return best ?? 100;
}

/** What `points` are worth, in minor units. */
export function pointsValueMinor(program: LoyaltyProgram, points: number): number {
  return points * program.pointValueMinor;
}

/** The most points whose value does not pass `amountMinor`. */
export function pointsForAmount(program: LoyaltyProgram, amountMinor: number): number {
  return Math.max(0, Math.floor(amountMinor / program.pointValueMinor));
}

export type RedemptionRefusal = "NOTHING_TO_REDEEM" | "BELOW_MINIMUM" | "OVER_BALANCE";

/** Whether `amount` may be held from an account with this balance and these holds; null when it may. */
export function redemptionRefusal(
  amount: number,
  balance: number,
  held: number,
  minimum = 1,
): RedemptionRefusal | null {
  if (amount <= 0) return "NOTHING_TO_REDEEM";
  if (amount < minimum) return "BELOW_MINIMUM";
  if (amount > balance - held) return "OVER_BALANCE";
  return null;
}

/** A ledger row as the expiry rules see it. */
export interface LedgerMove {
  amount: number;
  /** A credit's expiry (ISO time), null when it never expires. */
  expiresAt: string | null;
}

/** What is left of each credit once the debits (and holds) used the earliest-expiring credits first. */
export function remainingLots(moves: readonly LedgerMove[], held = 0): LedgerMove[] {
  const credits = moves
    .filter((m) => m.amount > 0)
    .map((m) => ({ ...m }))
    .sort((a, b) =>
      a.expiresAt === b.expiresAt
        ? 0
        : a.expiresAt === null
          ? 1
          : b.expiresAt === null
            ? -1
            : a.expiresAt < b.expiresAt
              ? -1
              : 1,
    );
  let debit = held - moves.filter((m) => m.amount < 0).reduce((s, m) => s + m.amount, 0);
  for (const c of credits) {
    const used = Math.min(c.amount, debit);
    c.amount -= used;
    debit -= used;
  }
  return credits.filter((c) => c.amount > 0);
}

/** The points that have expired by `now` and are not yet taken off (held points are never expired). */
export function pointsToExpire(moves: readonly LedgerMove[], now: string, held = 0): number {
  return remainingLots(moves, held)
    .filter((l) => l.expiresAt !== null && l.expiresAt <= now)
    .reduce((s, l) => s + l.amount, 0);
}
