/**
 * Picking: what was picked for each line of an order (a shortage, or another product given
 * instead) re-prices it and re-reserves its stock; and the picking list of a pick-up slot, every
 * open order of it with its lines and the quantity of each product to pick.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { customerOrders } from "../../../schema/store.ts";
import type { PickingList, PickingRequest } from "../../api/store/orders.ts";
import { parseQuantityMilli } from "../../core/quantity.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { OrderError } from "./errors.ts";
import { inputsOfLines } from "./pricing.ts";
import { orderRow, requireOpen, toOrder } from "./record.ts";
import type { OrderService } from "./service.ts";

export function recordPicking(
  orders: OrderService,
  ctx: StoreContext,
  id: string,
  request: PickingRequest,
  principal: Principal,
) {
  const row = orderRow(ctx.db, id);
  requireOpen(row, "picked");
  const order = toOrder(ctx.storeId, row);
  const inputs = inputsOfLines(order.lines);
  for (const pick of request.lines) {
    const input = inputs[pick.line - 1];
    if (!input) {
      throw new OrderError(
        "NO_SUCH_LINE",
        `line ${pick.line}: order ${row.number} has ${inputs.length} lines`,
        {
          line: pick.line,
        },
      );
    }
    const ordered = input.qtyMilli + (input.shortMilli ?? 0);
    const picked =
      pick.picked === undefined ? ordered : pick.picked === 0 ? 0 : parseQuantityMilli(pick.picked);
    if (picked > ordered) {
      throw new OrderError(
        "PICKED_OVER_ORDERED",
        `line ${pick.line}: more picked than ordered; add a line with PATCH instead`,
        {
          line: pick.line,
        },
      );
    }
    if (pick.substitute !== undefined) {
      input.substitutes = input.substitutes ?? input.code;
      input.code = pick.substitute.code;
      input.unitPriceMinor = pick.substitute.unitPriceMinor;
    }
    input.qtyMilli = picked;
    input.shortMilli = ordered - picked;
  }
  const status = row.status === "placed" || row.status === "confirmed" ? "picked" : row.status;
  return orders.rewrite(row, inputs, principal, "picked", { status });
}

export function pickingList(ctx: StoreContext, date: string, slot: string | undefined): PickingList {
  const rows = ctx.db
    .select()
    .from(customerOrders)
    .where(
      and(
        eq(customerOrders.slotDate, date),
        slot === undefined ? undefined : eq(customerOrders.slotFrom, slot),
        inArray(customerOrders.status, ["placed", "confirmed"]),
      ),
    )
    .orderBy(asc(customerOrders.slotFrom), asc(customerOrders.number))
    .all();
  const totals = new Map<string, { code: string; name: string; milli: number }>();
  const orders = rows.map((row) => {
    const order = toOrder(ctx.storeId, row);
    for (const l of order.lines) {
      const total = totals.get(l.code) ?? { code: l.code, name: l.name, milli: 0 };
      total.milli += l.qtyMilli;
      totals.set(l.code, total);
    }
    return {
      id: order.id,
      number: order.number,
      status: order.status,
      customerId: order.customerId,
      slot: order.slot === null ? null : `${order.slot.from}-${order.slot.to}`,
      lines: order.lines.map((l, i) => ({ line: i + 1, code: l.code, name: l.name, qty: l.qty })),
    };
  });
  return {
    date,
    slot: slot ?? null,
    orders,
    totals: [...totals.values()]
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((t) => ({ code: t.code, name: t.name, qty: t.milli / 1000 })),
  };
}
