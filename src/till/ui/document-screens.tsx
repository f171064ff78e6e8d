/** Screens that show a document: the last receipt (kept as text when no printer) and the X report. */
import { Box } from "ink";
import { renderShiftReportText } from "../../core/receipt-shift-report.ts";
import { shiftReportDoc } from "../app/receipt.ts";
import { Filler, Lines, Row } from "./rows.tsx";
import { spread } from "./text.ts";
import type { BodyProps, View } from "./view.ts";

export function Scrolled({
  lines,
  scroll,
  height,
  width,
  hint,
}: {
  lines: string[];
  scroll: number;
  height: number;
  width: number;
  hint: string;
}) {
  const rows = Math.max(1, height - 1);
  const start = Math.min(scroll, Math.max(0, lines.length - rows));
  const shown = lines.slice(start, start + rows);
  return (
    <Box flexDirection="column" height={height}>
      <Lines lines={shown} width={width} />
      <Filler rows={rows - shown.length} />
      <Row text={hint} width={width} dim />
    </Box>
  );
}

export function ReceiptScreen({ view, height }: BodyProps) {
  const { state, t, columns } = view;
  if (state.screen.kind !== "receipt") return null;
  const last = state.lastSale;
  const lines = last === null ? [t.t("receipt.none")] : last.receiptText.split("\n").map((l) => `  ${l}`);
  const note = last?.printed ? t.t("receipt.printed") : t.t("receipt.notPrinted");
  return (
    <Scrolled
      lines={lines}
      scroll={state.screen.scroll}
      height={height}
      width={columns}
      hint={`${note}  ${t.t("receipt.hint")}`}
    />
  );
}

/** A report from the store as label/value rows: amounts (`…Minor`) as money, nested parts indented. */
export function reportLines(view: View, value: unknown, indent = ""): string[] {
  const { t } = view;
  const width = Math.min(view.columns, 60);
  if (value === null || value === undefined) return [];
  if (typeof value !== "object") return [`${indent}${String(value)}`];
  if (Array.isArray(value))
    return value.flatMap((item, i) => [...(i > 0 ? [""] : []), ...reportLines(view, item, indent)]);
  const rows: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    if (item !== null && typeof item === "object") {
      rows.push(`${indent}${key}`);
      rows.push(...reportLines(view, item, `${indent}  `));
    } else if (typeof item === "number" && key.endsWith("Minor")) {
      rows.push(spread(`${indent}${key.slice(0, -5)}`, t.money(item), width));
    } else {
      rows.push(spread(`${indent}${key}`, item === null ? "—" : String(item), width));
    }
  }
  return rows;
}

/** A shift report laid out as printed, in the till's language; any other answer as its fields. */
export function shiftReportLines(view: View, report: unknown): string[] {
  const doc = shiftReportDoc(report, view.settings, view.t.locale);
  if (doc === null) return reportLines(view, report);
  return renderShiftReportText(doc, Math.min(48, view.columns - 4))
    .split("\n")
    .map((line) => `  ${line}`);
}

export function ReportScreen({ view, height }: BodyProps) {
  const { state, t, columns } = view;
  if (state.screen.kind !== "xReport") return null;
  const report = state.screen.report;
  const lines = report === null ? [t.t("report.loading")] : shiftReportLines(view, report);
  return (
    <Scrolled
      lines={lines}
      scroll={state.screen.scroll}
      height={height}
      width={columns}
      hint={t.t("report.hint")}
    />
  );
}
