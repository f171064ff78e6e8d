/**
 * A hub's DFC orders as Ringup orders: each `dfc-b:Order` of the document with its
 * `dfc-b:OrderLine`s (`dfc-b:hasPart`, or lines that say `dfc-b:partOf` the order), each line's
 * offer (`dfc-b:concerns`) resolved to a product code, its quantity (`dfc-b:quantity`, in the
 * offer's units) and price (`dfc-b:hasPrice`: the line's total, as the DFC's examples give it).
 * Pure: the caller says which offer is which product (`codeOf`).
 */
import { currencyExponent, parseMoneyToMinor } from "../money.ts";
import { parseQuantityMilli } from "../quantity.ts";
import { DfcError } from "./errors.ts";
import { DfcGraph, type Node } from "./graph.ts";
import { compact, currencyOfMeasure } from "./vocabulary.ts";

export const MAX_DFC_ORDERS = 200;
export const MAX_DFC_ORDER_LINES = 500;

export interface ImportedLine {
  /** The product code the offer is for. */
  code: string;
  qtyMilli: number;
  /** The price of one unit the hub charged (the line's price over its quantity), when given. */
  unitPriceMinor?: number;
  /** The line's total as the hub charged it, when given. */
  lineTotalMinor?: number;
  offer: string;
}

export interface ImportedOrder {
  /** The order's IRI at the hub. */
  externalId: string;
  number: string | null;
  date: string | null;
  /** The customer's IRI at the hub (`dfc-b:orderedBy`), when given. */
  customer: string | null;
  /** `dfc-b:hasOrderStatus` / `dfc-b:orderStatus`, compacted (e.g. `dfc-v:Held`). */
  status: string | null;
  /** The pick-up option's name or description, when the order names one. */
  pickup: string | null;
  lines: ImportedLine[];
}

export interface OrderImportOptions {
  /** The product code of an offer (or supplied product) IRI, or undefined for one not ours. */
  codeOf(iri: string): string | undefined;
  currency: string;
}

const ORDER = "dfc-b:Order";
const LINE = "dfc-b:OrderLine";

function first<T>(...values: (T | undefined)[]): T | undefined {
  return values.find((v) => v !== undefined);
}

export function importDfcOrders(doc: unknown, options: OrderImportOptions): ImportedOrder[] {
  const graph = new DfcGraph(doc);
  const orders = graph.ofType(ORDER);
  if (orders.length === 0) throw new DfcError("DFC_NO_ORDER", "the document holds no dfc-b:Order");
  if (orders.length > MAX_DFC_ORDERS) {
    throw new DfcError("DFC_TOO_MANY_ORDERS", `send at most ${MAX_DFC_ORDERS} orders at a time`, {
      orders: orders.length,
    });
  }
  const allLines = graph.ofType(LINE);
  const exponent = currencyExponent(options.currency);
  return orders.map((order, index) => {
    const externalId = typeof order["@id"] === "string" ? order["@id"] : `order#${index + 1}`;
    const parts = graph
      .refs(order, "dfc-b:hasPart")
      .map((r) => r.node)
      .filter((n): n is Node => n !== undefined);
    for (const l of allLines) {
      if (!parts.includes(l) && graph.ref(l, "dfc-b:partOf")?.id === externalId) parts.push(l);
    }
    if (parts.length === 0) {
      throw new DfcError("DFC_ORDER_WITHOUT_LINES", `order ${externalId} has no dfc-b:OrderLine`, {
        order: externalId,
      });
    }
    if (parts.length > MAX_DFC_ORDER_LINES) {
      throw new DfcError(
        "DFC_TOO_MANY_ORDERS",
        `order ${externalId} has more than ${MAX_DFC_ORDER_LINES} lines`,
        {
          order: externalId,
        },
      );
    }
    const lines = parts.map((line, i) => parseLine(graph, line, i, externalId, options, exponent));
    const pickupNode = [...graph.refs(order, "dfc-b:selects"), ...graph.refs(order, "dfc-b:uses")]
      .map((r) => r.node)
      .find((n) => n !== undefined && DfcGraph.types(n).includes("dfc-b:PickupOption"));
    const status = first(
      DfcGraph.literal(order, "dfc-b:hasOrderStatus"),
      DfcGraph.literal(order, "dfc-b:orderStatus"),
    );
    return {
      externalId,
      number: DfcGraph.literal(order, "dfc-b:orderNumber") ?? null,
      date: DfcGraph.literal(order, "dfc-b:date") ?? null,
      customer: graph.ref(order, "dfc-b:orderedBy")?.id ?? null,
      status: status !== undefined ? compact(status) : null,
      pickup:
        first(
          DfcGraph.literal(pickupNode, "dfc-b:name"),
          DfcGraph.literal(pickupNode, "dfc-b:description"),
          DfcGraph.literal(pickupNode, "dfc-b:pickedUpAt"),
        ) ?? null,
      lines,
    };
  });
}

function parseLine(
  graph: DfcGraph,
  line: Node,
  index: number,
  order: string,
  options: OrderImportOptions,
  exponent: number,
): ImportedLine {
  const where = { order, line: typeof line["@id"] === "string" ? line["@id"] : index + 1 };
  const offer = graph.ref(line, "dfc-b:concerns");
  if (!offer?.id && !offer?.node) {
    throw new DfcError(
      "DFC_LINE_WITHOUT_OFFER",
      `a line of order ${order} names no offer (dfc-b:concerns)`,
      where,
    );
  }
  // Our own offer or supplied product by its IRI, else the supplied product the hub's offer is for.
  const offered = offer.node ? graph.ref(offer.node, "dfc-b:offeredItem") : undefined;
  const code =
    (offer.id ? options.codeOf(offer.id) : undefined) ??
    (offered?.id ? options.codeOf(offered.id) : undefined);
  if (code === undefined) {
    throw new DfcError(
      "DFC_UNKNOWN_OFFER",
      `a line of order ${order} is for an offer this store does not make (${offer.id ?? offered?.id ?? "no IRI"})`,
      { ...where, offer: offer.id ?? null },
    );
  }
  const rawQty = first(
    DfcGraph.literal(line, "dfc-b:quantity"),
    DfcGraph.literal(graph.ref(line, "dfc-b:hasQuantity")?.node, "dfc-b:value"),
  );
  let qtyMilli: number;
  try {
    qtyMilli = parseQuantityMilli(rawQty ?? "");
  } catch {
    throw new DfcError(
      "DFC_BAD_QUANTITY",
      `a line of order ${order} has no quantity Ringup can take (more than 0, at most 3 decimals)`,
      where,
    );
  }
  const out: ImportedLine = { code, qtyMilli, offer: offer.id ?? offered?.id ?? "" };
  const linePrice = graph.ref(line, "dfc-b:hasPrice")?.node ?? graph.ref(line, "dfc-b:price")?.node;
  const lineTotal = priceOf(linePrice, order, where, options.currency, exponent);
  if (lineTotal !== undefined) {
    out.lineTotalMinor = lineTotal;
    // A whole unit price when the total divides by the quantity; else the line total alone says it.
    const unitPrice = (lineTotal * 1000) / qtyMilli;
    if (Number.isInteger(unitPrice)) out.unitPriceMinor = unitPrice;
  } else {
    // OFN puts no price on its lines: the offer (when sent with the order) has the unit price.
    const offerPrice = offer.node ? graph.ref(offer.node, "dfc-b:hasPrice")?.node : undefined;
    const unit = priceOf(offerPrice, order, where, options.currency, exponent);
    if (unit !== undefined) out.unitPriceMinor = unit;
  }
  return out;
}

function priceOf(
  price: Node | undefined,
  order: string,
  where: Record<string, unknown>,
  storeCurrency: string,
  exponent: number,
): number | undefined {
  const value = DfcGraph.literal(price, "dfc-b:value");
  if (value === undefined) return undefined;
  const unit = DfcGraph.literal(price, "dfc-b:hasUnit");
  const currency = unit !== undefined ? currencyOfMeasure(unit) : storeCurrency;
  if (currency !== storeCurrency) {
    throw new DfcError(
      "DFC_CURRENCY_MISMATCH",
      `a line of order ${order} is priced in ${unit}, the store in ${storeCurrency}`,
      where,
    );
  }
  let minor: number;
  try {
    minor = parseMoneyToMinor(value, exponent);
  } catch {
    throw new DfcError(
      "DFC_BAD_PRICE",
      `a line of order ${order} has a price that is not an amount of ${storeCurrency}`,
      where,
    );
  }
  if (minor < 0) throw new DfcError("DFC_BAD_PRICE", `a line of order ${order} has a negative price`, where);
  return minor;
}
