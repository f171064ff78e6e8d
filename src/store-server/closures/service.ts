/**
 * Closures of the store and of its tills: a day (Z) from the day's records, a month from its
 * days' closures, a year from its months'. Each is numbered per type and scope, carries a
 * perpetual grand total, and is chained by hash to the closure made before it; it is inserted
 * once and journaled (`closure.recorded`), never updated or deleted.
 */
import { businessDay } from "../../core/business-day.ts";
import {
  type ClosureFigures,
  type ClosureRecord,
  type ClosureType,
  closureHash,
  closurePeriod,
  closureRecordSchema,
  partPeriods,
  partType,
  sumFigures,
} from "../../core/closures.ts";
import type { StoreContext } from "../context.ts";
import { appendEvent } from "../journal/journal.ts";
import { ClosureError } from "./errors.ts";
import { activeDays, periodFigures } from "./figures.ts";

export const STORE_SCOPE = "store";

export interface CloseInput {
  type: ClosureType;
  date: string;
  tillId?: string | undefined;
}

export interface ClosureFilter {
  type?: ClosureType | undefined;
  tillId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

interface Row {
  body: string;
}

export class ClosuresService {
  constructor(private readonly ctx: StoreContext) {}

  private today(): string {
    return businessDay(this.ctx.now(), this.ctx.settings.timeZone);
  }

  private closedPeriods(
    scope: string,
    type: ClosureType,
    periods: readonly string[],
  ): Map<string, ClosureRecord> {
    const found = new Map<string, ClosureRecord>();
    if (periods.length === 0) return found;
    const rows = this.ctx.sqlite
      .query<Row, [string, string, string]>(
        "SELECT body FROM closures WHERE scope = ?1 AND type = ?2 AND period IN (SELECT value FROM json_each(?3))",
      )
      .all(scope, type, JSON.stringify(periods));
    for (const row of rows) {
      const c = closureRecordSchema.parse(JSON.parse(row.body));
      found.set(c.period, c);
    }
    return found;
  }

  /** Closes a period: 409 when it was closed, or when a month's days (a year's months) are not. */
  close(input: CloseInput, userId: string | null): ClosureRecord {
    const scope = input.tillId ?? STORE_SCOPE;
    const tillId = input.tillId ?? null;
    const period = closurePeriod(input.type, input.date);
    const today = this.today();
    if (period.to > today) {
      throw new ClosureError(
        "PERIOD_NOT_OVER",
        input.type === "day"
          ? `${period.period} is after today (${today}): a day is closed on or after that day`
          : `the ${input.type} ${period.period} ends on ${period.to}, after today (${today}): close it once it is over`,
        { period: period.period, today },
      );
    }
    return this.ctx.db.transaction((tx) => {
      const sqlite = this.ctx.sqlite;
      const already = sqlite
        .query<{ number: number }, [string, string, string]>(
          "SELECT number FROM closures WHERE scope = ?1 AND type = ?2 AND period = ?3",
        )
        .get(scope, input.type, period.period);
      if (already) {
        throw new ClosureError(
          "ALREADY_CLOSED",
          `the ${input.type} ${period.period}${tillId ? ` of till ${tillId}` : ""} was closed already (closure ${already.number})`,
          { number: already.number, period: period.period },
        );
      }
      const figures = this.figuresOf(scope, tillId, period);
      const head = sqlite
        .query<{ number: number; hash: string }, []>(
          "SELECT number, hash FROM closures ORDER BY number DESC LIMIT 1",
        )
        .get();
      const last = sqlite
        .query<{ typeNumber: number; body: string }, [string, string]>(
          "SELECT type_number AS typeNumber, body FROM closures WHERE scope = ?1 AND type = ?2 ORDER BY type_number DESC LIMIT 1",
        )
        .get(scope, input.type);
      const previousGrandTotal = last ? closureRecordSchema.parse(JSON.parse(last.body)).grandTotalMinor : 0;
      const at = this.ctx.now();
      const unsealed: Omit<ClosureRecord, "hash"> = {
        storeId: this.ctx.storeId,
        number: (head?.number ?? 0) + 1,
        type: input.type,
        tillId,
        typeNumber: (last?.typeNumber ?? 0) + 1,
        period: period.period,
        from: period.from,
        to: period.to,
        at: at.toISOString(),
        userId,
        currency: this.ctx.settings.currency,
        figures,
        grandTotalMinor: previousGrandTotal + figures.totalMinor,
        prevHash: head?.hash ?? null,
      };
      const record: ClosureRecord = { ...unsealed, hash: closureHash(unsealed) };
      sqlite
        .query(
          `INSERT INTO closures (number, type, scope, type_number, period, body, prev_hash, hash)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)`,
        )
        .run(
          record.number,
          record.type,
          scope,
          record.typeNumber,
          record.period,
          JSON.stringify(record),
          record.prevHash,
          record.hash,
        );
      appendEvent(
        tx,
        this.ctx.storeId,
        "closure.recorded",
        { closure: record, signingKey: this.ctx.signingKey.publicKey },
        at,
      );
      return record;
    });
  }

  /** A day from its records; a month or a year from its parts, each of which must be closed. */
  private figuresOf(
    scope: string,
    tillId: string | null,
    period: ReturnType<typeof closurePeriod>,
  ): ClosureFigures {
    const part = partType(period.type);
    if (part === null) return periodFigures(this.ctx.sqlite, period.from, period.to, tillId);
    const parts = partPeriods(period);
    const closed = this.closedPeriods(scope, part, parts);
    const active = new Set(
      activeDays(this.ctx.sqlite, period.from, period.to, tillId).map((d) =>
        part === "day" ? d : d.slice(0, 7),
      ),
    );
    const missing = parts.filter((p) => active.has(p) && !closed.has(p));
    if (missing.length > 0) {
      throw new ClosureError(
        "CLOSURES_MISSING",
        `the ${period.type} ${period.period} cannot be closed before its ${part}s with sales or returns: close ${missing.join(", ")} first`,
        { missing, type: part },
      );
    }
    return sumFigures([...closed.values()].map((c) => c.figures));
  }

  list(filter: ClosureFilter): ClosureRecord[] {
    const rows = this.ctx.sqlite
      .query<Row, [string | null, string | null]>(
        "SELECT body FROM closures WHERE (?1 IS NULL OR type = ?1) AND (?2 IS NULL OR scope = ?2) ORDER BY number",
      )
      .all(filter.type ?? null, filter.tillId ?? null);
    return rows
      .map((r) => closureRecordSchema.parse(JSON.parse(r.body)))
      .filter(
        (c) =>
          (filter.from === undefined || c.to >= filter.from) &&
          (filter.to === undefined || c.from <= filter.to),
      );
  }

  get(number: number): ClosureRecord {
    const row = this.ctx.sqlite
      .query<Row, [number]>("SELECT body FROM closures WHERE number = ?1")
      .get(number);
    if (!row) throw new ClosureError("CLOSURE_NOT_FOUND", `there is no closure number ${number}`, { number });
    return closureRecordSchema.parse(JSON.parse(row.body));
  }
}
