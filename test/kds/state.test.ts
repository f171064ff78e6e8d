import { describe, expect, test } from "bun:test";
import type { KitchenTicket, KitchenTicketsAnswer } from "../../src/api/store/kitchen.ts";
import {
  act,
  confirmed,
  initialKdsState,
  move,
  offline,
  openTickets,
  received,
} from "../../src/kds/state.ts";

function ticket(number: number, overrides: Partial<KitchenTicket> = {}): KitchenTicket {
  return {
    id: `t${number}`,
    number,
    roundId: `r${number}`,
    stationId: "grill",
    status: "new",
    fired: true,
    tableLabel: String(number),
    orderLabel: null,
    waiterName: null,
    course: null,
    lines: [{ lineId: "1", name: "Soup", quantityMilli: 1000, modifiers: [] }],
    createdAt: `2026-03-02T15:00:0${number}.000Z`,
    startedAt: null,
    bumpedAt: null,
    print: "none",
    changeSeq: number,
    ...overrides,
  };
}

function answer(tickets: KitchenTicket[], seq: number): KitchenTicketsAnswer {
  return { station: { id: "grill", name: "Grill" }, tickets, seq, lateAfterMinutes: 10 };
}

const AT = "2026-03-02T15:01:00.000Z";

describe("the kitchen display's state", () => {
  test("a bump made offline shows at once, stays through the store's stale answer, and leaves once confirmed", () => {
    let state = received(initialKdsState, answer([ticket(1), ticket(2)], 2), AT);
    expect(state.selected).toBe("t1");
    state = offline(state, "connection refused");
    state = act(state, "bump", AT);
    expect(openTickets(state).map((t) => t.id)).toEqual(["t2"]);
    expect(state.pending).toEqual([{ ticketId: "t1", action: "bump" }]);
    expect(state.selected).toBe("t2");
    // The store, back, answers the ticket as it still has it: the bump not sent yet is kept.
    state = received(state, answer([ticket(1, { changeSeq: 3 })], 3), AT);
    expect(state.online).toBe(true);
    expect(state.notice).toBeNull();
    expect(openTickets(state).map((t) => t.id)).toEqual(["t2"]);
    state = confirmed(state);
    expect(state.pending).toEqual([]);
  });

  test("recall brings back the last bumped and selects it; with nothing bumped it says so", () => {
    let state = received(initialKdsState, answer([ticket(1), ticket(2)], 2), AT);
    expect(act(state, "recall", AT).notice?.key).toBe("nothingToRecall");
    state = act(state, "bump", AT);
    state = act(state, "recall", AT);
    expect(state.selected).toBe("t1");
    expect(openTickets(state).map((t) => t.id)).toEqual(["t1", "t2"]);
    expect(state.pending.map((p) => p.action)).toEqual(["bump", "recall"]);
  });

  test("a held course is not bumped, and the selection moves within the open tickets", () => {
    let state = received(initialKdsState, answer([ticket(1, { fired: false }), ticket(2)], 2), AT);
    expect(act(state, "bump", AT).notice?.key).toBe("onHold");
    state = move(state, 5);
    expect(state.selected).toBe("t2");
    state = move(state, -5);
    expect(state.selected).toBe("t1");
  });
});
