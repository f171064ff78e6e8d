/** A kitchen ticket as lines of a printer slip: where it goes, who sent it, then what to cook. */
import type { KitchenTicket } from "../../api/store/kitchen.ts";
import { milliToDecimalString } from "../../core/quantity.ts";

export function ticketSlipTitle(stationName: string, ticket: Pick<KitchenTicket, "number">): string {
  return `${stationName} #${ticket.number}`;
}

export function ticketSlipLines(ticket: KitchenTicket): string[] {
  const head = [
    ticket.tableLabel ? `Table ${ticket.tableLabel}` : null,
    ticket.orderLabel ? `Order ${ticket.orderLabel}` : null,
    ticket.course ? `Course ${ticket.course}` : null,
    ticket.waiterName ? `Waiter ${ticket.waiterName}` : null,
    `Sent ${ticket.createdAt.slice(11, 16)} UTC`,
  ].filter((line): line is string => line !== null);
  const lines = ticket.lines.flatMap((line) => [
    `${milliToDecimalString(line.quantityMilli)} x ${line.name}${line.seat !== undefined ? ` (seat ${line.seat})` : ""}`,
    ...line.modifiers.map((m) => `  + ${m}`),
    ...(line.notes ? [`  ! ${line.notes}`] : []),
  ]);
  return [...head, "--------", ...lines];
}
