/**
 * A store's token may read another store's sale only as a return needs it: one sale at a time,
 * by its id or receipt number, and not many. Each token may look up at most
 * FOREIGN_LOOKUPS_PER_HOUR sales of other stores (found or not) in a sliding hour; beyond that
 * head office answers 429 until the hour has passed, so nobody walks a chain's receipt numbers.
 */
import { SaleLookupError } from "./errors.ts";

export const FOREIGN_LOOKUPS_PER_HOUR = 60;
const HOUR_MS = 3_600_000;
/** Tokens remembered at most (oldest forgotten first), so the map stays bounded. */
const MAX_TOKENS = 10_000;

export class ForeignLookupLimit {
  private readonly byToken = new Map<string, number[]>();

  constructor(private readonly perHour = FOREIGN_LOOKUPS_PER_HOUR) {}

  /** Counts one look-up by this token, or throws 429 when its hour's allowance is used up. */
  take(tokenId: string, nowMs: number): void {
    const recent = (this.byToken.get(tokenId) ?? []).filter((t) => nowMs - t < HOUR_MS);
    if (recent.length >= this.perHour) {
      this.byToken.set(tokenId, recent);
      const secondsLeft = Math.ceil(((recent[0] ?? nowMs) + HOUR_MS - nowMs) / 1000);
      throw new SaleLookupError(
        "LOOKUP_LIMIT",
        `this store has looked up ${recent.length} sales of other stores in the last hour, the most allowed; try again in ${secondsLeft} seconds, or take the goods back without a receipt with a supervisor's approval`,
        { secondsLeft, perHour: this.perHour },
      );
    }
    recent.push(nowMs);
    this.byToken.delete(tokenId);
    this.byToken.set(tokenId, recent);
    if (this.byToken.size > MAX_TOKENS) {
      const oldest = this.byToken.keys().next().value;
      if (oldest !== undefined) this.byToken.delete(oldest);
    }
  }
}
