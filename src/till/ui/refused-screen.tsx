/**
 * The sales the store refused: receipt number, total and when, the store's reason for the one
 * chosen, and the keys to export it or send it again.
 */
import { Box } from "ink";
import { Filler, Lines, Row } from "./rows.tsx";
import { spread, windowFor } from "./text.ts";
import type { BodyProps } from "./view.ts";

/** Rows under the list: the chosen sale's reason (two rows) and the key hint. */
const FOOTER_ROWS = 3;

export function RefusedScreen({ view, height }: BodyProps) {
  const { state, t, columns } = view;
  if (state.screen.kind !== "refused") return null;
  const { list, selected } = state.screen;
  const rows = (list ?? []).map((r) =>
    spread(
      `${r.receiptNo}  ${r.at.slice(0, 10)} ${r.at.slice(11, 16)}`,
      r.totalMinor === null ? "—" : t.money(r.totalMinor),
      Math.min(columns, 60),
    ),
  );
  const listRows = Math.max(1, height - FOOTER_ROWS);
  const { start, end } = windowFor(rows.length, listRows, selected);
  const shown = rows.slice(start, end);
  const empty = list === null ? t.t("refused.loading") : rows.length === 0 ? t.t("refused.none") : null;
  const chosen = list?.[selected];
  // The reason may be long (the store names every amount that does not add up): two rows of it.
  const reason = chosen ? t.t("refused.reason", { reason: chosen.reason ?? "—" }) : "";
  const chars = [...reason];
  const reasonRows = [chars.slice(0, columns).join(""), chars.slice(columns, columns * 2).join("")];
  return (
    <Box flexDirection="column" height={height}>
      {empty !== null ? <Row text={empty} width={columns} dim /> : null}
      <Lines lines={shown} width={columns} selected={selected - start} />
      <Filler rows={listRows - shown.length - (empty !== null ? 1 : 0)} />
      <Lines lines={reasonRows} width={columns} />
      <Row text={t.t("refused.hint")} width={columns} dim />
    </Box>
  );
}
