/** Returns: the sale found, its lines with what is coming back, and the refund. */
import { Box } from "ink";
import { receiptLabels, tenderLabel } from "../../core/receipt-labels.ts";
import { splitRefund, type TenderAmount } from "../../core/refund-split.ts";
import { refundMinor, returnableMilli } from "../state/refund.ts";
import { Filler, Row } from "./rows.tsx";
import { padEnd, padStart, spread, windowFor } from "./text.ts";
import type { BodyProps } from "./view.ts";

export function ReturnsScreen({ view, height }: BodyProps) {
  const { state, t, columns, settings } = view;
  if (state.screen.kind !== "returns") return null;
  const screen = state.screen;
  const sale = screen.sale;
  if (sale === null) {
    return (
      <Box flexDirection="column" height={height}>
        <Row text={t.t("returns.find")} width={columns} />
        <Filler rows={height - 1} />
      </Box>
    );
  }
  const nameWidth = Math.max(10, columns - 4 - 10 - 10 - 12 - 4);
  const row = (no: string, name: string, sold: string, back: string, amount: string) =>
    `${padStart(no, 3)} ${padEnd(name, nameWidth)} ${padStart(sold, 10)} ${padStart(back, 10)} ${padStart(amount, 12)}`;
  const listRows = Math.max(1, height - 5);
  const { start, end } = windowFor(sale.lines.length, listRows, screen.selected);
  const refund = refundMinor(sale, screen.picks, settings.pricesIncludeTax, settings.roundingMode);
  const labels = receiptLabels(t.locale);
  // How the refund goes back: the tenders the till will pay back with (the store splits alike).
  const tenders: readonly TenderAmount[] =
    screen.done?.tenders ??
    splitRefund(refund, screen.inCash ? [] : (sale.refundable ?? []), settings.cashRoundingMinor);
  const way = tenders.map((x) => `${tenderLabel(labels, x.type)} ${t.amount(x.amountMinor)}`).join(" · ");
  return (
    <Box flexDirection="column" height={height}>
      <Row
        text={spread(t.t("returns.sale", { receiptNo: sale.receiptNo }), t.money(sale.totalMinor), columns)}
        width={columns}
        bold
      />
      <Row
        text={row(
          "#",
          t.t("sale.colItem"),
          t.t("returns.colSold"),
          t.t("returns.colBack"),
          t.t("sale.colTotal"),
        )}
        width={columns}
        dim
      />
      {sale.lines.slice(start, end).map((line, i) => {
        const back = screen.picks.find((p) => p.lineNo === line.lineNo)?.qtyMilli ?? 0;
        const left = returnableMilli(line);
        return (
          <Row
            key={line.lineNo}
            text={row(
              String(line.lineNo),
              line.name,
              t.qty(left),
              back > 0 ? t.qty(back) : "",
              t.amount(line.totalMinor),
            )}
            width={columns}
            selected={start + i === screen.selected}
          />
        );
      })}
      <Filler rows={listRows - (end - start)} />
      <Row
        text={
          screen.done
            ? t.t("returns.done", { receiptNo: screen.done.receiptNo, totalMinor: screen.done.totalMinor })
            : spread(t.t("returns.refund"), t.money(refund), Math.min(columns, 48))
        }
        width={columns}
        bold
      />
      <Row
        text={
          tenders.length === 0
            ? ""
            : t.t(screen.inCash && screen.done === null ? "returns.inCash" : "returns.way", { way })
        }
        width={columns}
        {...(screen.inCash && screen.done === null ? { color: "yellow" } : {})}
      />
      <Row text={t.t("returns.hint")} width={columns} dim />
    </Box>
  );
}
