/** Shift close: the cash counted per note and coin, its total, then the store's Z report. */
import { Box } from "ink";
import { denominationsFor } from "../state/basket.ts";
import { shiftReportLines } from "./document-screens.tsx";
import { Filler, Lines, Row } from "./rows.tsx";
import { padEnd, padStart, windowFor } from "./text.ts";
import type { BodyProps } from "./view.ts";

export function ShiftScreen({ view, height }: BodyProps) {
  const { state, t, columns, settings } = view;
  if (state.screen.kind !== "shiftClose") return null;
  const screen = state.screen;
  if (screen.closed !== null) {
    const lines = [t.t("shift.closed"), "", ...shiftReportLines(view, screen.closed)].slice(0, height);
    return (
      <Box flexDirection="column" height={height}>
        <Lines lines={lines} width={columns} />
        <Filler rows={height - lines.length} />
      </Box>
    );
  }
  const values = denominationsFor(settings.currency);
  const total = values.reduce((sum, value, i) => sum + value * (screen.counts[i] ?? 0), 0);
  const listRows = Math.max(1, height - 3);
  const { start, end } = windowFor(values.length, listRows, screen.selected);
  const row = (a: string, b: string, c: string) =>
    `${padStart(a, 14)}  ${padStart(b, 8)}  ${padStart(c, 14)}`;
  return (
    <Box flexDirection="column" height={height}>
      <Row
        text={row(t.t("shift.colValue"), t.t("shift.colCount"), t.t("shift.colAmount"))}
        width={columns}
        bold
      />
      {values.slice(start, end).map((value, i) => {
        const index = start + i;
        const count = screen.counts[index] ?? 0;
        return (
          <Row
            key={value}
            text={row(t.amount(value), String(count), t.amount(value * count))}
            width={columns}
            selected={index === screen.selected}
          />
        );
      })}
      <Filler rows={listRows - (end - start)} />
      <Row text={`${padEnd(t.t("shift.counted"), 26)}${padStart(t.money(total), 14)}`} width={columns} bold />
      <Row text={t.t("shift.hint")} width={columns} dim />
    </Box>
  );
}
