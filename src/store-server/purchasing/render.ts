/**
 * A purchase order for the vendor: an A4 PDF (pdf-lib, as the stock documents) and a CSV of its
 * lines (the vendor's code first, so a vendor's system can read it).
 */
import type { PurchaseOrder, Vendor } from "../../api/store/purchasing.ts";
import { currencyExponent, minorToDecimalString } from "../../core/money.ts";
import { milliToDecimalString } from "../../core/quantity.ts";
import { textPdf } from "../stock/document-render.ts";

function row(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((c, i) => {
      const w = widths[i] ?? 10;
      const clipped = c.length > w ? c.slice(0, w) : c;
      return i >= cells.length - 3 ? clipped.padStart(w) : clipped.padEnd(w);
    })
    .join(" ");
}

/** Who orders, and in which currency. */
export interface StoreHeading {
  storeName: string;
  currency: string;
}

/** The order as text lines of 95 characters. */
export function orderTextLines(order: PurchaseOrder, vendor: Vendor, store: StoreHeading): string[] {
  const money = (minor: number) => minorToDecimalString(minor, currencyExponent(store.currency));
  const widths = [14, 12, 36, 9, 10, 10];
  const out = [
    `Purchase order ${order.number}`,
    `from ${store.storeName}, amounts in ${store.currency}`,
    `to ${vendor.name} (${vendor.id})`,
    ...(vendor.contacts[0] ? [`attn ${vendor.contacts[0].name}`] : []),
    ...(vendor.paymentTerms ? [`payment terms: ${vendor.paymentTerms}`] : []),
    `date ${(order.sentAt ?? order.createdAt).slice(0, 10)}${order.expectedAt ? `, delivery by ${order.expectedAt}` : ""}, status ${order.status.replace("_", " ")}`,
    `reference ${order.id}`,
    "-".repeat(95),
    row(["our code", "your code", "item", "qty", "unit cost", "total"], widths),
    "-".repeat(95),
  ];
  for (const l of order.lines) {
    out.push(
      row(
        [
          l.code,
          l.vendorCode ?? "",
          l.name ?? "",
          milliToDecimalString(l.orderedMilli),
          money(l.costMinor),
          money(l.totalMinor),
        ],
        widths,
      ),
    );
  }
  out.push("-".repeat(95), row(["", "", "total", "", "", money(order.totalMinor)], widths));
  if (order.note) out.push("", `note: ${order.note}`);
  return out;
}

export function orderPdf(order: PurchaseOrder, vendor: Vendor, store: StoreHeading): Promise<Uint8Array> {
  return textPdf(`Purchase order ${order.number}`, orderTextLines(order, vendor, store));
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** `vendor_code,code,name,qty,cost_minor,total_minor`, one line per order line. */
export function orderCsv(order: PurchaseOrder): string {
  const lines = [["vendor_code", "code", "name", "qty", "cost_minor", "total_minor"].join(",")];
  for (const l of order.lines) {
    lines.push(
      [
        l.vendorCode ?? "",
        l.code,
        l.name ?? "",
        milliToDecimalString(l.orderedMilli),
        String(l.costMinor),
        String(l.totalMinor),
      ]
        .map(csvCell)
        .join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}
