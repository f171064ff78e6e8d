/**
 * The customers a clients-service search found: name, phone or e-mail, and the card that puts
 * them on the sale; ↑↓ chooses, Enter puts the one chosen on the sale, Esc goes back.
 */
import { Box } from "ink";
import { CustomerServices } from "./customer-services.tsx";
import { Filler, Lines, Row } from "./rows.tsx";
import { clip, padEnd, spread, windowFor } from "./text.ts";
import type { BodyProps } from "./view.ts";

/** Rows around the list: what was searched for, and the key hint. */
const FRAME_ROWS = 2;

export function CustomersScreen({ view, height }: BodyProps) {
  const { state, t, columns } = view;
  if (state.screen.kind !== "customers") return null;
  const { query, list, selected, services } = state.screen;
  if (services !== undefined) {
    const name = list?.[selected]?.name ?? "";
    return <CustomerServices view={view} height={height} name={name} card={services} />;
  }
  const rows = (list ?? []).map((c) =>
    spread(
      `${padEnd(clip(c.name, 32), 33)}${clip(c.phone ?? c.email ?? "", 24)}`,
      c.card ?? t.t("customers.noCard"),
      columns,
    ),
  );
  const listRows = Math.max(1, height - FRAME_ROWS);
  const { start, end } = windowFor(rows.length, listRows, selected);
  const shown = rows.slice(start, end);
  const empty = list === null ? t.t("customers.loading") : rows.length === 0 ? t.t("customers.none") : null;
  return (
    <Box flexDirection="column" height={height}>
      <Row text={t.t("customers.query", { query })} width={columns} dim />
      {empty !== null ? <Row text={empty} width={columns} dim /> : null}
      <Lines lines={shown} width={columns} selected={selected - start} />
      <Filler rows={listRows - shown.length - (empty !== null ? 1 : 0)} />
      <Row text={t.t("customers.hint")} width={columns} dim />
    </Box>
  );
}
