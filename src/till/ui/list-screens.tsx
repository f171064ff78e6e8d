/** Screens that are a list to choose from: product search, held sales, the function menu. */
import { Box } from "ink";
import { MENU_ITEMS, menuDigit } from "../state/menu.ts";
import { lackedPermission } from "../state/role-gate.ts";
import { Filler, Lines, Row } from "./rows.tsx";
import { spread, windowFor } from "./text.ts";
import type { BodyProps } from "./view.ts";

interface ListProps {
  rows: string[];
  selected: number;
  height: number;
  width: number;
  empty: string;
  hint: string;
}

function List({ rows, selected, height, width, empty, hint }: ListProps) {
  const listRows = Math.max(1, height - 1);
  const { start, end } = windowFor(rows.length, listRows, selected);
  const shown = rows.slice(start, end);
  return (
    <Box flexDirection="column" height={height}>
      {rows.length === 0 ? <Row text={empty} width={width} dim /> : null}
      <Lines lines={shown} width={width} selected={selected - start} />
      <Filler rows={listRows - shown.length - (rows.length === 0 ? 1 : 0)} />
      <Row text={hint} width={width} dim />
    </Box>
  );
}

export function SearchScreen({ view, height }: BodyProps) {
  const { state, t, columns } = view;
  if (state.screen.kind !== "search") return null;
  const rows = state.screen.results.map((p) =>
    spread(`${p.code}  ${p.name}`, t.money(p.priceMinor), columns),
  );
  const empty = state.screen.query !== "" ? t.t("search.none") : "";
  return (
    <List
      rows={rows}
      selected={state.screen.selected}
      height={height}
      width={columns}
      empty={empty}
      hint={t.t("search.hint")}
    />
  );
}

export function HeldScreen({ view, height }: BodyProps) {
  const { state, t, columns } = view;
  if (state.screen.kind !== "held") return null;
  const list = state.screen.list;
  // Time (in the store's time zone), who held it, its first items; the total on the right.
  const rows = (list ?? []).map((h) => {
    const who = [h.label, h.cashierName ?? h.tillId]
      .filter((part) => part !== null && part !== "")
      .join(" · ");
    const more = h.lines > h.items.length ? " …" : "";
    const total = h.totalMinor === null ? "" : t.money(h.totalMinor);
    return spread(
      `${t.time(new Date(h.heldAt))}  ${who}  ${h.items.join(", ")}${more}`,
      `${t.t("held.lines", { count: h.lines })}  ${total}`,
      columns,
    );
  });
  const empty = list === null ? t.t("held.loading") : t.t("held.none");
  return (
    <List
      rows={rows}
      selected={state.screen.selected}
      height={height}
      width={columns}
      empty={empty}
      hint={t.t("held.hint")}
    />
  );
}

export function PrintsScreen({ view, height }: BodyProps) {
  const { state, t, columns } = view;
  if (state.screen.kind !== "prints") return null;
  const list = state.screen.list;
  const rows = (list ?? []).map((p) => spread(p.title, t.dateTime(new Date(p.at)), columns));
  const empty = list === null ? t.t("prints.loading") : t.t("prints.none");
  return (
    <List
      rows={rows}
      selected={state.screen.selected}
      height={height}
      width={columns}
      empty={empty}
      hint={t.t("prints.hint")}
    />
  );
}

export function MenuScreen({ view, height }: BodyProps) {
  const { state, t, columns, keymap } = view;
  if (state.screen.kind !== "menu") return null;
  // An entry the cashier's role may not do alone is marked: a supervisor must allow it.
  const rows = MENU_ITEMS.map((command, i) => {
    const marked = lackedPermission(state.cashier, command) === null ? "" : ` ${t.t("menu.supervisor")}`;
    return spread(
      `${menuDigit(i)}  ${t.t(`cmd.${command}`)}${marked}`,
      keymap.labelFor(command),
      Math.min(columns, 60),
    );
  });
  return (
    <List
      rows={rows}
      selected={state.screen.selected}
      height={height}
      width={columns}
      empty=""
      hint={t.t("menu.hint")}
    />
  );
}
