/** Today's bookings by staff member (Enter checks in, F3 cancels), or a service's free slots today. */
import { Box } from "ink";
import { clockTime } from "../../core/services/local-time.ts";
import type { TillBooking, TillSlot } from "../booking-types.ts";
import type { MessageKey } from "../i18n/en.ts";
import { Filler, Row } from "./rows.tsx";
import { padEnd, windowFor } from "./text.ts";
import type { BodyProps } from "./view.ts";

function statusKey(status: TillBooking["status"]): MessageKey {
  return `bookings.status.${status}`;
}

function BookingList({
  view,
  height,
  list,
  selected,
}: BodyProps & { list: TillBooking[]; selected: number }) {
  const { t, columns, settings } = view;
  const staffWidth = 16;
  const statusWidth = 12;
  const nameWidth = Math.max(10, columns - 12 - staffWidth - statusWidth - 4);
  const row = (time: string, staff: string, service: string, status: string) =>
    `${padEnd(time, 11)} ${padEnd(staff, staffWidth)} ${padEnd(service, nameWidth)} ${padEnd(status, statusWidth)}`;
  const rows = Math.max(1, height - 2);
  const { start, end } = windowFor(list.length, rows, selected);
  return (
    <Box flexDirection="column" height={height}>
      <Row text={t.t("bookings.hint")} width={columns} />
      <Row
        text={row(
          t.t("bookings.colTime"),
          t.t("bookings.colStaff"),
          t.t("bookings.colService"),
          t.t("bookings.colStatus"),
        )}
        width={columns}
        dim
      />
      {list.slice(start, end).map((b, i) => (
        <Row
          key={b.id}
          text={row(
            `${clockTime(b.start, settings.timeZone)}-${clockTime(b.end, settings.timeZone)}`,
            b.staffName ?? b.staffId,
            b.serviceName,
            t.t(statusKey(b.status)),
          )}
          width={columns}
          selected={start + i === selected}
        />
      ))}
      <Filler rows={rows - (end - start)} />
    </Box>
  );
}

function SlotList({
  view,
  height,
  serviceCode,
  list,
  selected,
}: BodyProps & { serviceCode: string; list: TillSlot[]; selected: number }) {
  const { t, columns, settings, state } = view;
  const names = new Map(
    (state.screen.kind === "bookings" ? (state.screen.list ?? []) : []).map((b) => [b.staffId, b.staffName]),
  );
  const rows = Math.max(1, height - 1);
  const { start, end } = windowFor(list.length, rows, selected);
  return (
    <Box flexDirection="column" height={height}>
      <Row text={t.t("bookings.slotsHint", { serviceCode })} width={columns} />
      {list.slice(start, end).map((s, i) => (
        <Row
          key={`${s.staffId}-${s.start}`}
          text={`${padEnd(`${clockTime(s.start, settings.timeZone)}-${clockTime(s.end, settings.timeZone)}`, 11)} ${names.get(s.staffId) ?? s.staffId}`}
          width={columns}
          selected={start + i === selected}
        />
      ))}
      <Filler rows={rows - (end - start)} />
    </Box>
  );
}

export function BookingsScreen(props: BodyProps) {
  const { state } = props.view;
  if (state.screen.kind !== "bookings") return null;
  const { slots, list, selected } = state.screen;
  return slots === null ? (
    <BookingList {...props} list={list ?? []} selected={selected} />
  ) : (
    <SlotList {...props} serviceCode={slots.serviceCode} list={slots.list} selected={slots.selected} />
  );
}
