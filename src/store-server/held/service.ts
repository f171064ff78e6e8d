/**
 * Held (parked) sales: the store keeps a till's open basket so that any till can resume it.
 * Resuming takes the held sale away atomically, so two tills cannot both resume it. Holding,
 * resuming and discarding are audited and journalled (`audit.recorded`).
 */
import { desc, eq, inArray } from "drizzle-orm";
import { audit, heldSales, users } from "../../../schema/store.ts";
import type { HeldSale, HoldRequest } from "../../api/store/held.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { appendEvent } from "../journal/journal.ts";
import { HeldSaleError } from "./errors.ts";

type HeldRow = typeof heldSales.$inferSelect;

function toHeld(row: HeldRow): HeldSale {
  const basket = JSON.parse(row.basket) as HeldSale["basket"];
  return {
    id: row.id,
    tillId: row.tillId,
    cashierId: row.cashierId,
    cashierName: null,
    label: row.label,
    heldAt: row.heldAt,
    lineCount: basket.lines.length,
    basket,
    audit: row.audit === null ? [] : (JSON.parse(row.audit) as HeldSale["audit"]),
  };
}

/** Cashier ids in the journal are printable without spaces; anything else is left out there. */
function journalRef(value: string | null): string | null {
  return value !== null && /^[\x21-\x7e]{1,64}$/.test(value) ? value : null;
}

function notFound(id: string): HeldSaleError {
  return new HeldSaleError(
    "HELD_SALE_NOT_FOUND",
    `no held sale has the id ${id}: it was already resumed or discarded, or never held here`,
    { id },
  );
}

export class HeldSalesService {
  constructor(private readonly ctx: StoreContext) {}

  private record(
    tx: StoreTx,
    action: "sale.held" | "sale.resumed" | "held.discarded",
    held: HeldSale,
    principal: Principal,
    tillId: string | null,
    at: Date,
  ): void {
    const atIso = at.toISOString();
    const detail = JSON.stringify({ heldTillId: held.tillId, label: held.label, lineCount: held.lineCount });
    const userId = principal.userId ?? held.cashierId;
    tx.insert(audit)
      .values({ at: atIso, action, userId, tillId, approvedBy: null, refId: held.id, detail })
      .run();
    appendEvent(
      tx,
      this.ctx.storeId,
      "audit.recorded",
      {
        action,
        userId: journalRef(userId),
        tillId,
        approvedBy: null,
        refId: held.id,
        detail,
        at: atIso,
      },
      at,
    );
  }

  /** Keeps a basket; a repeat of the same id answers the held sale already kept. */
  hold(request: HoldRequest, principal: Principal): { held: HeldSale; created: boolean } {
    const existing = this.get(request.id);
    if (existing) return { held: existing, created: false };
    const at = this.ctx.now();
    const row: HeldRow = {
      id: request.id,
      tillId: request.tillId,
      cashierId: request.cashierId ?? principal.userId,
      label: request.label || null,
      heldAt: at.toISOString(),
      basket: JSON.stringify(request.basket),
      audit: request.audit === undefined || request.audit.length === 0 ? null : JSON.stringify(request.audit),
    };
    const held = toHeld(row);
    this.ctx.db.transaction((tx) => {
      tx.insert(heldSales).values(row).run();
      this.record(tx, "sale.held", held, principal, request.tillId, at);
    });
    return { held, created: true };
  }

  get(id: string): HeldSale | null {
    const row = this.ctx.db.select().from(heldSales).where(eq(heldSales.id, id)).get();
    return row ? toHeld(row) : null;
  }

  /** Held sales, newest first; every till's unless one is named. */
  list(tillId: string | undefined, limit: number): HeldSale[] {
    const query = this.ctx.db.select().from(heldSales);
    const rows = (tillId ? query.where(eq(heldSales.tillId, tillId)) : query)
      .orderBy(desc(heldSales.heldAt))
      .limit(limit)
      .all();
    const ids = [...new Set(rows.map((r) => r.cashierId).filter((id): id is string => id !== null))];
    const names = new Map(
      ids.length === 0
        ? []
        : this.ctx.db
            .select({ id: users.id, name: users.name })
            .from(users)
            .where(inArray(users.id, ids))
            .all()
            .map((u) => [u.id, u.name] as const),
    );
    return rows.map((row) => ({ ...toHeld(row), cashierName: names.get(row.cashierId ?? "") ?? null }));
  }

  /** Takes a held sale away and answers it: only one till can resume it. */
  private take(
    id: string,
    action: "sale.resumed" | "held.discarded",
    principal: Principal,
    tillId: string | null,
  ): HeldSale {
    const at = this.ctx.now();
    return this.ctx.db.transaction((tx) => {
      const row = tx.delete(heldSales).where(eq(heldSales.id, id)).returning().get();
      if (!row) throw notFound(id);
      const held = toHeld(row);
      this.record(tx, action, held, principal, tillId, at);
      return held;
    });
  }

  resume(id: string, principal: Principal, tillId: string | undefined): HeldSale {
    return this.take(id, "sale.resumed", principal, tillId ?? principal.tillId);
  }

  discard(id: string, principal: Principal): HeldSale {
    return this.take(id, "held.discarded", principal, principal.tillId);
  }
}
