/**
 * Checks: the bill of an order (one check), or its split by seat, by line, into N equal parts or
 * into stated amounts. A check is priced once, when made, as the document a sale records; paying
 * it records that document as a sale as rung through the sales path (so reports, stock and
 * replication count it once), with the waiter's tip beside it.
 */
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { products, tableChecks, tableOrderLines, tableOrders } from "../../../schema/store.ts";
import type {
  CheckAnswer,
  CheckDocument,
  OrderAnswer,
  PayCheckInput,
  SplitInput,
} from "../../api/store/restaurant.ts";
import { rungSaleSchema } from "../../api/store/sales.ts";
import { allocateLargestRemainder } from "../../core/allocation.ts";
import { rungDocumentOf } from "../../core/as-rung.ts";
import { splitByAmounts, splitByLines, splitBySeat, splitEqually } from "../../core/check-split.ts";
import { type BasketLineInput, priceBasket } from "../../core/pricing.ts";
import { divRound } from "../../core/rounding.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import type { SalesService } from "../sales/service.ts";
import { RestaurantError } from "./errors.ts";
import {
  type LineRow,
  lineAmountMinor,
  type OrderRow,
  openOrderRow,
  orderAnswer,
  orderRow,
  recordAction,
  toCheck,
  waiterOf,
} from "./model.ts";
import { dropUnpaidChecks, onOpenOrder, requireRestaurantMode } from "./orders.ts";

type Reader = Pick<StoreTx, "select">;

function catalogLine(db: Reader, code: string, qtyMilli: number, unitPriceMinor?: number): BasketLineInput {
  const row = db
    .select({ name: products.name, priceMinor: products.priceMinor, taxClass: products.taxClass })
    .from(products)
    .where(eq(products.code, code))
    .get();
  if (!row) throw new RestaurantError("UNKNOWN_PRODUCT", `no product sells under the code ${code}`, { code });
  return {
    code,
    name: row.name,
    qtyMilli,
    unitPriceMinor: unitPriceMinor ?? row.priceMinor,
    taxClass: row.taxClass,
  };
}

/** The service charge of `lines` (dine-in, when configured): a percent of their goods, rounded half up. */
function serviceChargeOf(ctx: StoreContext, order: OrderRow, lines: readonly LineRow[]): number {
  const settings = ctx.settings.restaurant;
  const percentHundredths = Math.round(Number(settings.serviceChargePercent) * 100);
  if (order.takeaway || percentHundredths <= 0 || settings.serviceChargeCode === undefined) return 0;
  const goods = lines.reduce((sum, l) => sum + lineAmountMinor(l), 0);
  return Number(divRound(BigInt(goods) * BigInt(percentHundredths), 10_000n, "half-up"));
}

/**
 * The service charge of each group of lines split from one check: the charge of all of them,
 * shared by the groups' goods with the largest-remainder method, so the checks' charges add up
 * to the bill's to the minor unit (each rounded on its own, they could miss it by a unit or more).
 */
function sharedServiceCharges(ctx: StoreContext, order: OrderRow, groups: readonly LineRow[][]): number[] {
  const whole = serviceChargeOf(ctx, order, groups.flat());
  const goods = groups.map((g) => g.reduce((sum, l) => sum + lineAmountMinor(l), 0));
  if (whole === 0 || goods.every((g) => g <= 0)) return groups.map(() => 0);
  return allocateLargestRemainder(
    whole,
    goods.map((g) => Math.max(0, g)),
  );
}

/**
 * The priced document of some lines of an order: items, their modifiers, packaging or service
 * charge (`serviceChargeMinor`: its share of a split check's charge; else the lines' own).
 */
export function checkDocument(
  ctx: StoreContext,
  db: Reader,
  order: OrderRow,
  lines: readonly LineRow[],
  serviceChargeMinor = serviceChargeOf(ctx, order, lines),
): CheckDocument {
  const basket: BasketLineInput[] = [];
  for (const line of lines) {
    basket.push({
      code: line.code,
      name: line.name,
      qtyMilli: line.qtyMilli,
      unitPriceMinor: line.unitPriceMinor,
      taxClass: line.taxClass,
    });
    for (const m of JSON.parse(line.modifiers) as {
      code: string;
      name: string;
      unitPriceMinor: number;
      taxClass: string | null;
    }[])
      basket.push({
        code: m.code,
        name: m.name,
        qtyMilli: line.qtyMilli,
        unitPriceMinor: m.unitPriceMinor,
        taxClass: m.taxClass,
      });
  }
  const settings = ctx.settings.restaurant;
  const openPriced = new Set<number>();
  if (order.takeaway && settings.packagingCode !== undefined) {
    const items = lines.reduce((sum, l) => sum + Math.ceil(l.qtyMilli / 1000), 0);
    basket.push(catalogLine(db, settings.packagingCode, items * 1000));
  }
  if (serviceChargeMinor > 0 && settings.serviceChargeCode !== undefined) {
    openPriced.add(basket.length);
    basket.push(catalogLine(db, settings.serviceChargeCode, 1000, serviceChargeMinor));
  }
  const quote = priceBasket({ lines: basket }, ctx.pricing);
  const rates = new Map(ctx.settings.taxClasses.map((t) => [t.id, t.rate] as const));
  const doc = rungDocumentOf(quote, rates);
  return {
    ...doc,
    lines: doc.lines.map((line, i) => (openPriced.has(i) ? { ...line, priceSource: "open" as const } : line)),
  } as CheckDocument;
}

function insertChecks(
  ctx: StoreContext,
  tx: StoreTx,
  order: OrderRow,
  groups: { label: string; lines: LineRow[]; parts: number[] | null }[],
): void {
  const charges = sharedServiceCharges(
    ctx,
    order,
    groups.map((g) => g.lines),
  );
  groups.forEach((group, i) => {
    const id = `${order.id}-${i + 1}`;
    const document = checkDocument(ctx, tx, order, group.lines, charges[i] ?? 0);
    tx.insert(tableChecks)
      .values({
        id,
        orderId: order.id,
        position: i + 1,
        label: group.label,
        document: JSON.stringify(document),
        totalMinor: document.totalMinor,
        parts: group.parts === null ? null : JSON.stringify(group.parts),
        saleId: null,
        tipMinor: 0,
        waiterId: order.waiterId,
        paidAt: null,
      })
      .run();
    tx.update(tableOrderLines)
      .set({ checkId: id })
      .where(
        inArray(
          tableOrderLines.id,
          group.lines.map((l) => l.id),
        ),
      )
      .run();
  });
}

/** The order's lines on no paid check, after its unpaid checks are dropped. */
function unpaidLines(tx: StoreTx, order: OrderRow): LineRow[] {
  dropUnpaidChecks(tx, order.id);
  const lines = tx
    .select()
    .from(tableOrderLines)
    .where(and(eq(tableOrderLines.orderId, order.id), isNull(tableOrderLines.checkId)))
    .orderBy(asc(tableOrderLines.position))
    .all();
  if (lines.length === 0)
    throw new RestaurantError("NOTHING_TO_SPLIT", `the order ${order.id} has no lines left to bill`, {
      orderId: order.id,
    });
  return lines;
}

function seatLabel(seat: number): string {
  return seat === 0 ? "Table" : `Seat ${seat}`;
}

/** Prints the bill: one check of every line not yet paid (the table shows "bill printed"). */
export function bill(ctx: StoreContext, orderId: string, principal: Principal): OrderAnswer {
  return split(ctx, orderId, null, principal);
}

/** Splits the order's unpaid lines into checks; `null`: one check (the bill). */
export function split(
  ctx: StoreContext,
  orderId: string,
  input: SplitInput | null,
  principal: Principal,
): OrderAnswer {
  return onOpenOrder(ctx, orderId, principal, (tx, order, at) => {
    const lines = unpaidLines(tx, order);
    const whole = (parts: number[] | null) => [{ label: "Check", lines, parts }];
    const groups =
      input === null
        ? whole(null)
        : input.by === "seat"
          ? splitBySeat(lines).map((g) => ({ label: seatLabel(g[0]?.seat ?? 0), lines: g, parts: null }))
          : input.by === "lines"
            ? splitByLines(lines, input.groups).map((g, i) => ({
                label: `Check ${i + 1}`,
                lines: g,
                parts: null,
              }))
            : whole(
                input.by === "equal"
                  ? splitEqually(checkDocument(ctx, tx, order, lines).totalMinor, input.parts)
                  : splitByAmounts(checkDocument(ctx, tx, order, lines).totalMinor, input.amountsMinor),
              );
    insertChecks(ctx, tx, order, groups);
    tx.update(tableOrders)
      .set({ status: "billed", billedAt: at.toISOString() })
      .where(eq(tableOrders.id, orderId))
      .run();
    recordAction(
      ctx,
      tx,
      input === null ? "table_order.bill_printed" : "table_order.split",
      principal,
      orderId,
      at,
      {
        by: input?.by ?? "bill",
        checks: groups.length,
      },
    );
    return orderAnswer(tx, orderId);
  });
}

function sameAmounts(a: readonly number[], b: readonly number[]): boolean {
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/**
 * Pays a check: records its document as a sale as rung (idempotent by `saleId`), then marks the
 * check paid with the tip; the order is paid when its last check is.
 */
export async function pay(
  ctx: StoreContext,
  sales: SalesService,
  orderId: string,
  checkId: string,
  input: PayCheckInput,
  principal: Principal,
): Promise<{ order: OrderAnswer; receiptNo: string; check: CheckAnswer }> {
  requireRestaurantMode(ctx);
  const userId = waiterOf(principal);
  const order = orderRow(ctx.db, orderId);
  const check = ctx.db
    .select()
    .from(tableChecks)
    .where(and(eq(tableChecks.id, checkId), eq(tableChecks.orderId, orderId)))
    .get();
  if (!check)
    throw new RestaurantError("CHECK_NOT_FOUND", `the order ${orderId} has no check ${checkId}`, { checkId });
  if (check.saleId !== null && check.saleId !== input.saleId)
    throw new RestaurantError("CHECK_PAID", `the check ${checkId} is already paid (sale ${check.saleId})`, {
      checkId,
      saleId: check.saleId,
    });
  if (check.saleId === null && (order.status === "paid" || order.status === "merged"))
    openOrderRow(ctx.db, orderId);
  const parts = check.parts === null ? null : (JSON.parse(check.parts) as number[]);
  if (
    parts !== null &&
    !sameAmounts(
      parts,
      input.tenders.map((t) => t.amountMinor),
    )
  )
    throw new RestaurantError(
      "CHECK_TENDERS_MISMATCH",
      `the check is split into ${parts.length} parts (${parts.join(", ")}): pay each part with one tender of its amount`,
      { parts },
    );
  const document = JSON.parse(check.document) as CheckDocument;
  const sale = rungSaleSchema.parse({
    asRung: true,
    id: input.saleId,
    at: ctx.now().toISOString(),
    ...(principal.tillId === null ? {} : { tillId: principal.tillId }),
    cashierId: userId,
    ...(input.receiptNo === undefined ? {} : { receiptNo: input.receiptNo }),
    ...document,
    currency: ctx.settings.currency,
    tenders: input.tenders,
  });
  const recorded = await sales.record(sale, principal);
  const at = ctx.now();
  ctx.db.transaction((tx) => {
    const current = tx.select().from(tableChecks).where(eq(tableChecks.id, checkId)).get();
    if (current?.saleId !== null) return;
    tx.update(tableChecks)
      .set({ saleId: input.saleId, tipMinor: input.tipMinor, paidAt: at.toISOString() })
      .where(eq(tableChecks.id, checkId))
      .run();
    const left = tx
      .select({ id: tableChecks.id })
      .from(tableChecks)
      .where(and(eq(tableChecks.orderId, orderId), isNull(tableChecks.saleId)))
      .all().length;
    const unbilled = tx
      .select({ id: tableOrderLines.id })
      .from(tableOrderLines)
      .where(and(eq(tableOrderLines.orderId, orderId), isNull(tableOrderLines.checkId)))
      .all().length;
    if (left === 0 && unbilled === 0)
      tx.update(tableOrders)
        .set({ status: "paid", closedAt: at.toISOString() })
        .where(eq(tableOrders.id, orderId))
        .run();
    recordAction(ctx, tx, "table_check.paid", principal, orderId, at, {
      checkId,
      saleId: input.saleId,
      totalMinor: check.totalMinor,
      tipMinor: input.tipMinor,
      waiterId: check.waiterId,
    });
  });
  const answer = orderAnswer(ctx.db, orderId);
  const paid = answer.checks.find((c) => c.id === checkId) ?? toCheck(check);
  return { order: answer, receiptNo: recorded.sale.receiptNo, check: paid };
}
