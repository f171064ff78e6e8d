/**
 * The dispatch list: each open delivery's status, courier, address and what the courier
 * collects at the door; the chosen one's phone and promised time, and the keys.
 */
import { Box } from "ink";
import type { MessageKey } from "../i18n/en.ts";
import { Filler, Lines, Row } from "./rows.tsx";
import { spread, windowFor } from "./text.ts";
import type { BodyProps } from "./view.ts";

/** Rows under the list: the chosen delivery's phone and promise, and the key hint. */
const FOOTER_ROWS = 2;

export function DeliveriesScreen({ view, height }: BodyProps) {
  const { state, t, columns } = view;
  if (state.screen.kind !== "deliveries") return null;
  const { list, selected } = state.screen;
  const rows = (list ?? []).map((d) => {
    const status = t.t(`delivery.${d.status}` as MessageKey);
    const courier = d.courierId ?? t.t("delivery.noCourier");
    return spread(
      `${status.padEnd(12)} ${courier.padEnd(10)} ${d.address}`,
      t.money(d.collectMinor),
      columns,
    );
  });
  const listRows = Math.max(1, height - FOOTER_ROWS);
  const { start, end } = windowFor(rows.length, listRows, selected);
  const shown = rows.slice(start, end);
  const empty = list === null ? t.t("deliveries.loading") : rows.length === 0 ? t.t("deliveries.none") : null;
  const chosen = list?.[selected];
  const detail = chosen
    ? `${chosen.phone}${chosen.promisedAt ? `  ${t.time(new Date(chosen.promisedAt))}` : ""}`
    : "";
  return (
    <Box flexDirection="column" height={height}>
      {empty !== null ? <Row text={empty} width={columns} dim /> : null}
      <Lines lines={shown} width={columns} selected={selected - start} />
      <Filler rows={listRows - shown.length - (empty !== null ? 1 : 0)} />
      <Row text={detail} width={columns} />
      <Row text={t.t("deliveries.hint")} width={columns} dim />
    </Box>
  );
}
