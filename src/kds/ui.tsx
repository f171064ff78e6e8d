/**
 * The kitchen display on an 80×24 terminal: a header (station, open tickets, clock, the store's
 * state), four tickets side by side (the selected one framed twice, a late one in red, a held
 * course dimmed), a notice line and the keys.
 */
import { Box, render, Text, useApp, useInput } from "ink";
import { createElement, useEffect, useState } from "react";
import type { KitchenTicket } from "../api/store/kitchen.ts";
import { milliToDecimalString } from "../core/quantity.ts";
import { type KdsMessages, refusalText } from "./i18n.ts";
import { type KdsState, openTickets } from "./state.ts";
import type { KdsSync } from "./sync.ts";

const COLUMNS = 4;
const WIDTH = 20;
const HEIGHT = 21;

/** "m:ss" (or "h:mm:ss") since `from`. */
export function age(from: string, now: number): string {
  const s = Math.max(0, Math.floor((now - Date.parse(from)) / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

function ticketRows(ticket: KitchenTicket): string[] {
  return ticket.lines.flatMap((line) => [
    `${milliToDecimalString(line.quantityMilli)}x ${line.name}${line.seat !== undefined ? ` s${line.seat}` : ""}`,
    ...line.modifiers.map((m) => ` + ${m}`),
    ...(line.notes ? [` ! ${line.notes}`] : []),
  ]);
}

function TicketCard(props: {
  ticket: KitchenTicket;
  selected: boolean;
  now: number;
  lateAfterMinutes: number;
  t: KdsMessages;
}) {
  const { ticket, selected, now, t } = props;
  const late = ticket.fired && now - Date.parse(ticket.createdAt) > props.lateAfterMinutes * 60_000;
  const where = ticket.tableLabel ? `${t.table} ${ticket.tableLabel}` : (ticket.orderLabel ?? "");
  const color = late ? "red" : ticket.status === "in_progress" ? "yellow" : undefined;
  const rows = ticketRows(ticket);
  const room = HEIGHT - 5;
  return (
    <Box
      flexDirection="column"
      width={WIDTH}
      height={HEIGHT}
      borderStyle={selected ? "double" : "single"}
      {...(color ? { borderColor: color } : {})}
    >
      <Text bold wrap="truncate" {...(color ? { color } : {})}>
        #{ticket.number} {where}
      </Text>
      <Text wrap="truncate" dimColor={!ticket.fired} {...(late ? { color: "red" } : {})}>
        {ticket.fired ? age(ticket.createdAt, now) : t.hold}
        {ticket.course ? ` C${ticket.course}` : ""} {ticket.waiterName ?? ""}
      </Text>
      {rows.slice(0, room).map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
        <Text key={i} wrap="truncate" dimColor={!ticket.fired}>
          {row}
        </Text>
      ))}
      {rows.length > room ? <Text dimColor>…</Text> : null}
    </Box>
  );
}

export function KdsView(props: { state: KdsState; now: number; t: KdsMessages }) {
  const { state, now, t } = props;
  const open = openTickets(state);
  const at = Math.max(
    0,
    open.findIndex((ticket) => ticket.id === state.selected),
  );
  const first = Math.floor(at / COLUMNS) * COLUMNS;
  const shown = open.slice(first, first + COLUMNS);
  const more = open.length - first - shown.length;
  const clock = new Date(now).toTimeString().slice(0, 8);
  const notice =
    state.notice === null
      ? ""
      : state.notice.key === "refused"
        ? refusalText(t, state.notice.detail ?? "")
        : `${t.notices[state.notice.key]}${state.notice.key === "onHold" ? ` ${state.notice.detail ?? ""}` : ""}`;
  return (
    <Box flexDirection="column" width={80} height={24}>
      <Box width={80}>
        <Text inverse bold wrap="truncate">
          {` ${state.station?.name ?? "…"} · ${t.tickets(open.length)}${state.pending.length > 0 ? ` · ${t.waiting(state.pending.length)}` : ""} · ${clock} · `}
        </Text>
        <Text inverse bold color={state.online ? "green" : "red"} wrap="truncate">
          {state.online ? t.online : t.offline}
        </Text>
        {more > 0 ? <Text>{` ${t.more(more)}`}</Text> : null}
      </Box>
      <Box height={HEIGHT}>
        {shown.length === 0 ? (
          <Text dimColor>{t.noTickets}</Text>
        ) : (
          shown.map((ticket) => (
            <TicketCard
              key={ticket.id}
              ticket={ticket}
              selected={ticket.id === state.selected}
              now={now}
              lateAfterMinutes={state.lateAfterMinutes}
              t={t}
            />
          ))
        )}
      </Box>
      <Text wrap="truncate" color={state.online ? "yellow" : "red"}>
        {notice}
      </Text>
      <Text dimColor wrap="truncate">
        {t.keys}
      </Text>
    </Box>
  );
}

function KdsApp(props: { sync: KdsSync; t: KdsMessages }) {
  const { sync, t } = props;
  const { exit } = useApp();
  const [state, setState] = useState(sync.current);
  const [now, setNow] = useState(Date.now());
  useEffect(() => sync.onChange(setState), [sync]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  useInput((input, key) => {
    if (key.ctrl && input === "c") {
      exit();
      return;
    }
    if (key.leftArrow || key.upArrow) sync.move(-1);
    else if (key.rightArrow || key.downArrow) sync.move(1);
    else if (key.return) sync.act("bump");
    else if (input.toLowerCase() === "s") sync.act("start");
    else if (input.toLowerCase() === "r") sync.act("recall");
  });
  return <KdsView state={state} now={now} t={t} />;
}

export function mountKds(sync: KdsSync, t: KdsMessages) {
  return render(createElement(KdsApp, { sync, t }), {
    exitOnCtrlC: false,
    alternateScreen: true,
    patchConsole: true,
    maxFps: 60,
    incrementalRendering: true,
  });
}
