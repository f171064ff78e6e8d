/** Payment: what is owed, what was given, and what is still to pay (in cash, rounded). */

import { Box } from "ink";
import { receiptLabels, tenderLabel } from "../../core/receipt-labels.ts";
import { paymentProgress } from "../state/basket.ts";
import { ebtLeftMinor } from "../state/ebt-limits.ts";
import { Filler, Lines, Row } from "./rows.tsx";
import { spread } from "./text.ts";
import { Totals } from "./totals.tsx";
import type { BodyProps } from "./view.ts";

export function PaymentScreen({ view, height }: BodyProps) {
  const { state, t, columns, settings } = view;
  const quote = state.quote;
  if (quote === null) return <Filler rows={height} />;
  const progress = paymentProgress(quote, state.sale.tenders, settings);
  const half = Math.min(columns, 48);
  const labels = receiptLabels(t.locale);
  const rounding = progress.cashDueMinor !== progress.remainingMinor && progress.remainingMinor > 0;
  const tenders = state.sale.tenders;
  const tenderRows = Math.max(0, height - 9);
  // Rows: total, paid, cash due, 3 of big amount, blank, tenders title, the tenders, filler, hint.
  const shown = tenders.slice(-tenderRows);
  // What EBT may still pay, on the row cash rounding leaves free, when anything is eligible.
  const eligible = state.sale.lines.some((l) => l.snapEligible) ? ebtLeftMinor(state.sale, quote) : null;
  return (
    <Box flexDirection="column" height={height}>
      <Row text={spread(t.t("payment.total"), t.money(progress.totalMinor), half)} width={columns} bold />
      <Row text={spread(t.t("payment.paid"), t.money(progress.paidMinor), half)} width={columns} />
      {rounding ? (
        <Row text={spread(t.t("payment.cashDue"), t.money(progress.cashDueMinor), half)} width={columns} />
      ) : eligible !== null ? (
        <Row text={spread(t.t("payment.eligible"), t.money(eligible), half)} width={columns} />
      ) : (
        <Row text="" width={columns} />
      )}
      <Totals
        label={t.t("payment.remaining")}
        amount={t.money(progress.remainingMinor)}
        side={[]}
        width={columns}
        color="yellow"
      />
      <Row text="" width={columns} />
      <Row text={tenders.length > 0 ? t.t("payment.tenders") : ""} width={columns} bold />
      <Lines
        lines={shown.map((tender) =>
          spread(
            `  ${view.customTenders?.find((c) => c.id === tender.type)?.name ?? tenderLabel(labels, tender.type)}`,
            t.money(tender.amountMinor),
            half,
          ),
        )}
        width={columns}
      />
      <Filler rows={height - 9 - shown.length} />
      <Row text={t.t("payment.hint")} width={columns} dim />
    </Box>
  );
}
