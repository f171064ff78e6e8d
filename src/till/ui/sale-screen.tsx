/** The sale: scrolling lines with quantity, price, discount and amount, and the big total. */
import { Box, Text } from "ink";
import { selectedLine } from "../state/sale.ts";
import { Filler, Lines, Row } from "./rows.tsx";
import { padEnd, padStart, windowFor } from "./text.ts";
import { Totals } from "./totals.tsx";
import type { BodyProps, View } from "./view.ts";

const TOTALS_ROWS = 4;

function columnsFor(width: number, lineCount = 0) {
  const no = Math.max(3, String(lineCount).length) + 1;
  const qty = 10;
  const price = width >= 100 ? 12 : 10;
  const disc = 9;
  const total = width >= 100 ? 13 : 11;
  const name = Math.max(10, width - no - qty - price - disc - total - 4);
  return { no, name, qty, price, disc, total };
}

function header(view: View): string {
  const c = columnsFor(view.columns, view.state.sale.lines.length);
  const { t } = view;
  return [
    padEnd("#", c.no - 1),
    padEnd(t.t("sale.colItem"), c.name),
    padStart(t.t("sale.colQty"), c.qty),
    padStart(t.t("sale.colPrice"), c.price),
    padStart(t.t("sale.colDiscount"), c.disc),
    padStart(t.t("sale.colTotal"), c.total),
  ].join(" ");
}

function lineRow(view: View, index: number): string {
  const c = columnsFor(view.columns, view.state.sale.lines.length);
  const line = view.state.sale.lines[index];
  const priced = view.state.quote?.lines[index];
  if (line === undefined) return "";
  const { t } = view;
  const qty = line.soldByWeight
    ? `${t.qty(line.qtyMilli)} ${line.unit === "each" ? "" : line.unit}`.trim()
    : t.qty(line.qtyMilli);
  const discount = priced && priced.discountMinor > 0 ? `-${t.amount(priced.discountMinor)}` : "";
  const name = line.priceGiven ? `${line.name} *` : line.name;
  return [
    padStart(String(index + 1), c.no - 1),
    padEnd(name, c.name),
    padStart(qty, c.qty),
    padStart(t.amount(line.unitPriceMinor), c.price),
    padStart(discount, c.disc),
    padStart(priced ? t.amount(priced.totalMinor) : "", c.total),
  ].join(" ");
}

/** The customer whose card is on the sale: name, group, points and money on the card. */
function customerRow(view: View): string {
  const customer = view.state.sale.customer;
  if (customer === undefined) return "";
  const group = customer.groups.find((g) => g.discountPercent !== null) ?? customer.groups[0];
  return view.t.t("sale.customer", {
    name: customer.name ?? customer.card,
    group: group === undefined ? "-" : group.name,
    points: customer.points,
    balanceMinor: customer.balanceMinor,
  });
}

export function SaleScreen({ view, height }: BodyProps) {
  const { state, t, columns } = view;
  const lines = state.sale.lines;
  const customer = state.sale.customer;
  const listRows = Math.max(1, height - 1 - TOTALS_ROWS - (customer === undefined ? 0 : 1));
  const selected = selectedLine(state);
  const selectedIndex = selected === undefined ? -1 : lines.indexOf(selected);
  const { start, end } = windowFor(lines.length, listRows, Math.max(0, selectedIndex));
  const quote = state.quote;
  const shown = lines.slice(start, end);
  return (
    <Box flexDirection="column" height={height}>
      <Row text={header(view)} width={columns} bold />
      {customer === undefined ? null : <Row text={customerRow(view)} width={columns} dim />}
      {lines.length === 0 ? (
        <Box flexDirection="column" height={listRows}>
          <Row text={t.t("sale.empty")} width={columns} dim />
          <Filler rows={listRows - 1} />
        </Box>
      ) : (
        <Box flexDirection="column" height={listRows}>
          <Lines
            lines={shown.map((_, i) => lineRow(view, start + i))}
            width={columns}
            selected={selectedIndex - start}
          />
          <Filler rows={listRows - shown.length} />
        </Box>
      )}
      <Text wrap="truncate">{"─".repeat(columns)}</Text>
      {quote !== null ? (
        <Totals
          label={t.t("sale.total")}
          amount={t.money(quote.totalMinor)}
          side={[
            `${t.t("sale.items", { count: lines.length })}  ${t.t("sale.subtotal")} ${t.amount(quote.subtotalMinor)}`,
            quote.discountMinor > 0 ? discountRow(view, quote) : "",
            `${t.t("sale.tax")} ${t.amount(quote.taxMinor)}`,
          ]}
          width={columns}
        />
      ) : state.lastSale !== null ? (
        // The change in large digits only when cash is due back (not after a card or exact cash).
        <Totals
          label={state.lastSale.changeMinor > 0 ? t.t("sale.change") : t.t("payment.paid")}
          amount={t.money(
            state.lastSale.changeMinor > 0 ? state.lastSale.changeMinor : state.lastSale.totalMinor,
          )}
          side={[
            t.t("sale.lastReceipt", { receiptNo: state.lastSale.receiptNo }),
            `${t.t("payment.total")} ${t.money(state.lastSale.totalMinor)}`,
            state.lastSale.copyUrl !== null ? t.t("sale.receiptKeys") : "",
          ]}
          width={columns}
          color="green"
        />
      ) : (
        <Filler rows={3} />
      )}
    </Box>
  );
}

/** The sale's discount, and the promotions in it by name. */
function discountRow(view: View, quote: NonNullable<View["state"]["quote"]>): string {
  const { t } = view;
  const discount = `${t.t("sale.discount")} -${t.amount(quote.discountMinor)}`;
  const names = (quote.promotions ?? []).map((p) => p.name);
  return names.length === 0
    ? discount
    : `${discount}  ${t.t("sale.promotions", { names: names.join(", ") })}`;
}
