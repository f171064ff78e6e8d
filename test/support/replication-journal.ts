/**
 * Store journals for the replication tests and benchmarks: a store database (the store's own schema and
 * journal code) filled with `n` 3-line `sale.completed` events, as a store that sold while
 * head office was out of reach would have queued them.
 */
import { join } from "node:path";
import { type EventPayload, type StoreEvent, sealEvent } from "../../src/core/events.ts";
import { uuidv7 } from "../../src/core/ids.ts";
import { storeSettingsSchema } from "../../src/core/settings.ts";
import type { StoreContext } from "../../src/store-server/context.ts";
import { appendEvent } from "../../src/store-server/journal/journal.ts";
import { openStore } from "../../src/store-server/open.ts";

const LINES = [
  { code: "1001", name: "Oat milk 1l", department: "DAIRY", taxClass: "1", unitPriceMinor: 249 },
  { code: "2040", name: "Sourdough loaf", department: "BAKERY", taxClass: null, unitPriceMinor: 525 },
  { code: "3307", name: "Olive oil 500ml", department: "GROCERY", taxClass: "1", unitPriceMinor: 899 },
];

/** A realistic 3-line cash sale payload (about 1 KB of JSON). */
export function salePayload(storeId: string, n: number, at: string): EventPayload<"sale.completed"> {
  const lines = LINES.map((l, i) => {
    const qtyMilli = 1000 * (1 + ((n + i) % 3));
    const extendedMinor = (l.unitPriceMinor * qtyMilli) / 1000;
    const taxMinor = l.taxClass ? Math.round(extendedMinor * 0.08875) : 0;
    return { ...l, qtyMilli, extendedMinor, discountMinor: 0, taxMinor, totalMinor: extendedMinor };
  });
  const subtotalMinor = lines.reduce((a, l) => a + l.extendedMinor, 0);
  const taxMinor = lines.reduce((a, l) => a + l.taxMinor, 0);
  const totalMinor = subtotalMinor + taxMinor;
  const taxBase = lines.filter((l) => l.taxClass).reduce((a, l) => a + l.extendedMinor, 0);
  return {
    saleId: uuidv7(),
    receiptNo: `${storeId}-T1-${String(n + 1).padStart(6, "0")}`,
    tillId: "T1",
    cashierId: "cashier-1",
    at,
    currency: "USD",
    lines,
    subtotalMinor,
    discountMinor: 0,
    taxMinor,
    totalMinor,
    taxes: [{ taxClass: "1", rate: "8.875", baseMinor: taxBase, taxMinor }],
    tenders: [{ type: "cash", amountMinor: totalMinor + 500 }],
    changeMinor: 500,
    cashRoundingMinor: 0,
    customerId: null,
  };
}

/**
 * A store's hash-chained journal of `n` such sales as sealed events (no store database), a sale
 * every `everyMs` from 09:00 on 2 March 2026; `adjust` changes a sale's payload before it is sealed.
 */
export async function sealedSales(
  storeId: string,
  n: number,
  everyMs: number,
  adjust: (payload: EventPayload<"sale.completed">, i: number) => EventPayload<"sale.completed"> = (p) => p,
): Promise<StoreEvent[]> {
  const events: StoreEvent[] = [];
  let prevHash: string | null = null;
  for (let i = 0; i < n; i++) {
    const at = new Date(Date.parse("2026-03-02T09:00:00Z") + i * everyMs).toISOString();
    const event: StoreEvent = await sealEvent({
      id: uuidv7(),
      storeId,
      seq: i + 1,
      type: "sale.completed",
      version: 1,
      at,
      payload: adjust(salePayload(storeId, i, at), i),
      prevHash,
    });
    events.push(event);
    prevHash = event.hash;
  }
  return events;
}

/** Opens (creating) a store database in `dataDir` and appends `n` sales to its journal. */
export function fillJournal(dataDir: string, storeId: string, n: number): StoreContext {
  const ctx = openStore(dataDir, storeId, storeSettingsSchema.parse({}), { synchronous: "NORMAL" });
  const perTx = 1_000;
  for (let done = 0; done < n; done += perTx) {
    ctx.db.transaction((tx) => {
      for (let i = done; i < Math.min(n, done + perTx); i++) {
        const at = new Date();
        appendEvent(tx, storeId, "sale.completed", salePayload(storeId, i, at.toISOString()), at);
      }
    });
  }
  return ctx;
}

export function storeDbPath(dataDir: string): string {
  return join(dataDir, "store.db");
}
