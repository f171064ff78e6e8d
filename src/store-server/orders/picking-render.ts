/** A slot's picking list on paper: text lines for the receipt printer, and an A4 PDF of the same. */
import type { PickingList } from "../../api/store/orders.ts";
import { textPdf } from "../stock/document-render.ts";

function pairLine(left: string, right: string, columns: number): string {
  const room = Math.max(columns - right.length - 1, 1);
  return `${left.slice(0, room).padEnd(room)} ${right}`;
}

export function pickingTextLines(list: PickingList, columns = 48): string[] {
  const out = [
    `Picking ${list.date}${list.slot ? ` ${list.slot}` : ""}`.slice(0, columns),
    "=".repeat(columns),
  ];
  for (const order of list.orders) {
    out.push(
      `Order ${order.number}${order.slot ? `  ${order.slot}` : ""}${order.customerId ? `  ${order.customerId}` : ""}`.slice(
        0,
        columns,
      ),
    );
    for (const line of order.lines)
      out.push(pairLine(`  [ ] ${line.code} ${line.name}`, String(line.qty), columns));
    out.push("-".repeat(columns));
  }
  out.push("Totals");
  for (const t of list.totals) out.push(pairLine(`${t.code} ${t.name}`, String(t.qty), columns));
  out.push(pairLine("orders", String(list.orders.length), columns));
  return out;
}

export function pickingPdf(list: PickingList): Promise<Uint8Array> {
  return textPdf(`Picking ${list.date}${list.slot ? ` ${list.slot}` : ""}`, pickingTextLines(list, 95));
}
