/** Orders to collect: today's list (filtered by what is typed), then one order and its balance. */
import { Box } from "ink";
import type { MessageKey } from "../i18n/en.ts";
import type { TillOrder } from "../services.ts";
import { filterOrders } from "../state/orders.ts";
import { Filler, Row } from "./rows.tsx";
import { padEnd, padStart, spread, windowFor } from "./text.ts";
import type { BodyProps, View } from "./view.ts";

function statusLabel(view: View, status: string): string {
  const key = `orders.status.${status}`;
  return key in STATUS_KEYS ? view.t.t(key as MessageKey) : status;
}

const STATUS_KEYS: Record<string, true> = {
  "orders.status.placed": true,
  "orders.status.confirmed": true,
  "orders.status.picked": true,
  "orders.status.ready": true,
};

function OrderList({ view, height }: BodyProps) {
  const { state, t, columns } = view;
  if (state.screen.kind !== "orders") return null;
  const screen = state.screen;
  const list = filterOrders(screen.list ?? [], state.input);
  const nameWidth = Math.max(10, columns - 6 - 12 - 12 - 12 - 4);
  const row = (no: string, customer: string, slot: string, status: string, due: string) =>
    `${padStart(no, 6)} ${padEnd(customer, nameWidth)} ${padEnd(slot, 12)} ${padEnd(status, 12)} ${padStart(due, 12)}`;
  const rows = Math.max(1, height - 2);
  const { start, end } = windowFor(list.length, rows, screen.selected);
  return (
    <Box flexDirection="column" height={height}>
      <Row text={t.t(state.sale.lines.length > 0 ? "orders.newHint" : "orders.find")} width={columns} />
      <Row
        text={row(
          t.t("orders.colNo"),
          t.t("orders.colCustomer"),
          t.t("orders.colSlot"),
          t.t("orders.colStatus"),
          t.t("orders.colDue"),
        )}
        width={columns}
        dim
      />
      {list.slice(start, end).map((o, i) => (
        <Row
          key={o.id}
          text={row(
            String(o.number),
            o.customer ?? t.t("orders.anonymous"),
            o.slot ?? "",
            statusLabel(view, o.status),
            t.amount(o.balanceDueMinor),
          )}
          width={columns}
          selected={start + i === screen.selected}
        />
      ))}
      <Filler rows={rows - (end - start)} />
    </Box>
  );
}

function OrderLines({ view, height, order }: BodyProps & { order: TillOrder }) {
  const { state, t, columns } = view;
  if (state.screen.kind !== "orders") return null;
  const screen = state.screen;
  const nameWidth = Math.max(10, columns - 4 - 10 - 12 - 12 - 4);
  const row = (no: string, name: string, qty: string, price: string, total: string) =>
    `${padStart(no, 3)} ${padEnd(name, nameWidth)} ${padStart(qty, 10)} ${padStart(price, 12)} ${padStart(total, 12)}`;
  const rows = Math.max(1, height - 5);
  const { start, end } = windowFor(order.lines.length, rows, screen.line);
  const due = order.balanceDueMinor;
  const width = Math.min(columns, 48);
  return (
    <Box flexDirection="column" height={height}>
      <Row
        text={spread(
          t.t("orders.order", {
            number: order.number,
            customer: order.customer ?? t.t("orders.anonymous"),
            status: statusLabel(view, order.status),
          }),
          t.money(order.totalMinor),
          columns,
        )}
        width={columns}
        bold
      />
      <Row text={row("#", t.t("sale.colItem"), "", "", t.t("sale.colTotal"))} width={columns} dim />
      {order.lines.slice(start, end).map((l, i) => (
        <Row
          key={l.code}
          text={row(
            String(start + i + 1),
            l.name ?? l.code,
            t.qty(l.qtyMilli),
            t.amount(l.unitPriceMinor ?? 0),
            t.amount(l.totalMinor ?? 0),
          )}
          width={columns}
          selected={start + i === screen.line && screen.done === null}
        />
      ))}
      <Filler rows={rows - (end - start)} />
      <Row text={spread(t.t("orders.prepaid"), t.money(order.prepaidMinor), width)} width={columns} />
      <Row
        text={spread(t.t(due < 0 ? "orders.refund" : "orders.balance"), t.money(Math.abs(due)), width)}
        width={columns}
        bold
      />
      <Row text={t.t("orders.hint")} width={columns} dim />
    </Box>
  );
}

export function OrdersScreen(props: BodyProps) {
  const { state } = props.view;
  if (state.screen.kind !== "orders") return null;
  const order = state.screen.order;
  return order === null ? <OrderList {...props} /> : <OrderLines {...props} order={order} />;
}
