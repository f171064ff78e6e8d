/**
 * The floor: areas and tables as the manager sets them, and each table's status for the map
 * (free, ordered, bill printed, paid) with its waiter and what the order comes to.
 */
import { asc, desc, eq, inArray, max, ne } from "drizzle-orm";
import { diningTables, tableOrderLines, tableOrders, users } from "../../../schema/store.ts";
import type { TableAnswer, TablesInput } from "../../api/store/restaurant.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { lineAmountMinor, recordAction } from "./model.ts";

const STATUS_OF = { open: "ordered", billed: "bill_printed", paid: "paid" } as const;

export function saveTables(ctx: StoreContext, input: TablesInput, principal: Principal): TableAnswer[] {
  const at = ctx.now();
  ctx.db.transaction((tx) => {
    let next =
      (tx
        .select({ n: max(diningTables.position) })
        .from(diningTables)
        .get()?.n ?? 0) + 1;
    for (const table of input.tables) {
      const existing = tx.select().from(diningTables).where(eq(diningTables.id, table.id)).get();
      if (existing)
        tx.update(diningTables)
          .set({ area: table.area, name: table.name, seats: table.seats })
          .where(eq(diningTables.id, table.id))
          .run();
      else
        tx.insert(diningTables)
          .values({ ...table, position: next++ })
          .run();
    }
    recordAction(ctx, tx, "tables.saved", principal, input.tables[0]?.id ?? "tables", at, {
      tables: input.tables.length,
    });
  });
  return listTables(ctx);
}

/** Every table with its status: its open or billed order, else its last paid one (until a new order). */
export function listTables(ctx: StoreContext): TableAnswer[] {
  const db = ctx.db;
  const tables = db
    .select()
    .from(diningTables)
    .orderBy(asc(diningTables.area), asc(diningTables.position))
    .all();
  const orders = db
    .select()
    .from(tableOrders)
    .where(ne(tableOrders.status, "merged"))
    .orderBy(desc(tableOrders.openedAt))
    .all();
  const current = new Map<string, (typeof orders)[number]>();
  for (const order of orders) {
    if (order.tableId === null) continue;
    const seen = current.get(order.tableId);
    // An open or billed order wins over a paid one; else the newest.
    if (!seen || (seen.status === "paid" && order.status !== "paid")) current.set(order.tableId, order);
  }
  const ids = [...current.values()].map((o) => o.id);
  const lines =
    ids.length === 0
      ? []
      : db.select().from(tableOrderLines).where(inArray(tableOrderLines.orderId, ids)).all();
  const amounts = new Map<string, number>();
  for (const line of lines)
    amounts.set(line.orderId, (amounts.get(line.orderId) ?? 0) + lineAmountMinor(line));
  const waiterIds = [...new Set([...current.values()].map((o) => o.waiterId))];
  const names = new Map(
    waiterIds.length === 0
      ? []
      : db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(inArray(users.id, waiterIds))
          .all()
          .map((u) => [u.id, u.name] as const),
  );
  return tables.map((table) => {
    const order = current.get(table.id);
    return {
      id: table.id,
      area: table.area,
      name: table.name,
      seats: table.seats,
      status: order ? STATUS_OF[order.status as keyof typeof STATUS_OF] : "free",
      orderId: order?.id ?? null,
      waiterId: order?.waiterId ?? null,
      waiterName: order ? (names.get(order.waiterId) ?? null) : null,
      guests: order?.guests ?? null,
      amountMinor: order ? (amounts.get(order.id) ?? 0) : 0,
    };
  });
}
