/** The restaurant's screens: the table map, and a table's order with its lines and checks. */
import { Box } from "ink";
import type { TableOrder } from "../restaurant/types.ts";
import { Filler, Lines } from "./rows.tsx";
import { TableMap } from "./table-map-view.tsx";
import { wrap } from "./text.ts";
import type { BodyProps } from "./view.ts";

export function TablesScreen({ view, height }: BodyProps) {
  const { state, t, columns } = view;
  if (state.screen.kind !== "tables") return null;
  const footer = [t.t("tables.legend"), ...wrap(t.t("tables.hint"), columns)];
  return (
    <TableMap
      tables={state.screen.floor ?? []}
      selected={state.screen.selected}
      columns={columns}
      height={height}
      footer={footer}
    />
  );
}

function spread(left: string, right: string, width: number): string {
  const room = Math.max(1, width - [...right].length - 1);
  const cut = [...left].slice(0, room).join("");
  return `${cut}${" ".repeat(Math.max(1, width - [...cut].length - [...right].length))}${right}`;
}

function orderLines(order: TableOrder, money: (minor: number) => string, width: number): string[] {
  return order.lines.map((line) => {
    const qty = line.qtyMilli === 1000 ? "" : `${line.qtyMilli / 1000}× `;
    const mods = line.modifiers.map((m) => ` +${m.name}`).join("");
    const note = line.note ? ` #${line.note}` : "";
    const sent = line.firedAt ? "!" : line.roundId ? "✓" : " ";
    return spread(
      `${sent}s${line.seat} c${line.course} ${qty}${line.name}${mods}${note}`,
      money(line.amountMinor),
      width,
    );
  });
}

export function TableOrderScreen({ view, height }: BodyProps) {
  const { state, t, columns } = view;
  const screen = state.screen;
  if (screen.kind !== "tableOrder" || screen.order === null) return <Filler rows={height} />;
  const order = screen.order;
  const header = t.t("tableOrder.header", {
    table: order.tableName ?? "-",
    seat: screen.seat,
    course: screen.course,
    status: order.status,
  });
  // How far the kitchen is with the rounds sent (the store's answer when the order was read).
  const rounds = order.rounds ?? [];
  const kitchen =
    rounds.length === 0
      ? []
      : [
          t.t("tableOrder.kitchen", {
            done: rounds.filter((r) => r.status === "done").length,
            rounds: rounds.length,
            cooking: rounds.filter((r) => r.status === "in_progress").length,
          }),
        ];
  const checks = order.checks.map((c, i) =>
    spread(
      `${i === screen.check ? ">" : " "}${c.label}${c.parts ? ` (${c.parts.map((p) => t.money(p)).join(" + ")})` : ""}${c.saleId ? " ✓" : ""}`,
      t.money(c.totalMinor),
      columns,
    ),
  );
  const hint =
    order.checks.length > 0
      ? wrap(t.t("tableOrder.payHint"), columns)
      : [...wrap(t.t("tableOrder.hint"), columns), ...wrap(t.t("tableOrder.more"), columns)];
  const total = spread("", t.money(order.amountMinor), columns);
  const room = Math.max(0, height - 2 - kitchen.length - checks.length - hint.length);
  const lines = orderLines(order, (m) => t.money(m), columns);
  const shown = lines.slice(Math.max(0, lines.length - room));
  return (
    <Box flexDirection="column" height={height}>
      <Lines lines={[header, ...kitchen]} width={columns} />
      <Lines lines={shown} width={columns} />
      <Filler rows={room - shown.length} />
      <Lines
        lines={[total, ...checks]}
        width={columns}
        selected={checks.length > 0 ? 1 + screen.check : -1}
      />
      <Lines lines={hint} width={columns} dim />
    </Box>
  );
}
