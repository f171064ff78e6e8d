/**
 * Opening and closing the shift: the cash counted per note and coin (or a total typed on the
 * last row) with its sum; at close, what the drawer should hold and the difference, confirmed
 * before the store issues the Z report, which then scrolls on screen.
 */
import { Box } from "ink";
import type { Translator } from "../i18n/index.ts";
import { denominationsFor } from "../state/basket.ts";
import { countedMinor } from "../state/shift.ts";
import type { CashCount } from "../state/types.ts";
import { Scrolled, shiftReportLines } from "./document-screens.tsx";
import { Filler, Row } from "./rows.tsx";
import { padEnd, padStart, windowFor } from "./text.ts";
import type { BodyProps } from "./view.ts";

interface CountTableProps {
  count: CashCount;
  currency: string;
  t: Translator;
  columns: number;
  height: number;
  /** Rows under the table: sums, confirmation, hint. */
  footer: { text: string; bold?: boolean; dim?: boolean }[];
}

const row = (a: string, b: string, c: string) => `${padStart(a, 14)}  ${padStart(b, 8)}  ${padStart(c, 14)}`;

/** A figure with its label, the amount right-aligned under the table's amount column. */
export function sumRow(label: string, amount: string): string {
  return `${padEnd(label, 26)}${padStart(amount, 14)}`;
}

function CountTable({ count, currency, t, columns, height, footer }: CountTableProps) {
  const values = denominationsFor(currency);
  const listRows = Math.max(1, height - 1 - footer.length);
  const rowCount = values.length + 1;
  const { start, end } = windowFor(rowCount, listRows, count.selected);
  const typedTotal = count.totalMinor;
  return (
    <Box flexDirection="column" height={height}>
      <Row
        text={row(t.t("shift.colValue"), t.t("shift.colCount"), t.t("shift.colAmount"))}
        width={columns}
        bold
      />
      {Array.from({ length: end - start }, (_, i) => {
        const index = start + i;
        const value = values[index];
        if (value === undefined) {
          const text = sumRow(t.t("shift.total"), typedTotal === null ? "" : t.money(typedTotal));
          return <Row key="total" text={text} width={columns} selected={index === count.selected} />;
        }
        const n = count.counts[index] ?? 0;
        return (
          <Row
            key={value}
            text={row(t.amount(value), String(n), t.amount(value * n))}
            width={columns}
            selected={index === count.selected}
            {...(typedTotal !== null ? { dim: true } : {})}
          />
        );
      })}
      <Filler rows={listRows - (end - start)} />
      {footer.map((line) => (
        <Row
          key={line.text}
          text={line.text}
          width={columns}
          {...(line.bold ? { bold: true } : {})}
          {...(line.dim ? { dim: true } : {})}
        />
      ))}
    </Box>
  );
}

export function ShiftOpenScreen({ view, height }: BodyProps) {
  const { state, t, columns, settings } = view;
  if (state.screen.kind !== "shiftOpen") return null;
  const { count, confirming } = state.screen;
  const total = countedMinor(count, settings.currency);
  // While confirming, the question is on the status line.
  const footer = [
    { text: sumRow(t.t("shift.float"), t.money(total)), bold: true },
    confirming ? { text: "" } : { text: t.t("shift.openHint"), dim: true },
  ];
  return (
    <CountTable
      count={count}
      currency={settings.currency}
      t={t}
      columns={columns}
      height={height}
      footer={footer}
    />
  );
}

export function ShiftScreen({ view, height }: BodyProps) {
  const { state, t, columns, settings } = view;
  if (state.screen.kind !== "shiftClose") return null;
  const screen = state.screen;
  if (screen.closed !== null) {
    const lines = [t.t("shift.closed"), "", ...shiftReportLines(view, screen.closed)];
    return (
      <Scrolled
        lines={lines}
        scroll={screen.scroll}
        height={height}
        width={columns}
        hint={t.t("shift.closedHint")}
      />
    );
  }
  const count: CashCount = {
    counts: screen.counts,
    selected: screen.selected,
    totalMinor: screen.totalMinor,
  };
  const total = countedMinor(count, settings.currency);
  const footer: { text: string; bold?: boolean; dim?: boolean }[] = [
    { text: sumRow(t.t("shift.counted"), t.money(total)), bold: true },
  ];
  if (screen.expectedMinor !== null) {
    const difference = total - screen.expectedMinor;
    footer.push(
      { text: sumRow(t.t("shift.expected"), t.money(screen.expectedMinor)) },
      {
        text: sumRow(t.t("shift.difference"), `${difference > 0 ? "+" : ""}${t.money(difference)}`),
        bold: true,
      },
    );
    // The question is on the status line.
  } else {
    footer.push({ text: t.t("shift.hint"), dim: true });
  }
  return (
    <CountTable
      count={count}
      currency={settings.currency}
      t={t}
      columns={columns}
      height={height}
      footer={footer}
    />
  );
}
