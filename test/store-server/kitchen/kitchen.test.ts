import { describe, expect, test } from "bun:test";
import type {
  KitchenRoundStatus,
  KitchenTicket,
  KitchenTicketsAnswer,
} from "../../../src/api/store/kitchen.ts";
import { createTestStore } from "../../support/store-app.ts";
import { kitchenSettings, round } from "./support.ts";

function kitchenStore() {
  return createTestStore({ settings: { kitchen: kitchenSettings() } });
}

describe("kitchen rounds", () => {
  test("a round is split into one ticket per station by category, then department, the rest to the default", async () => {
    using store = kitchenStore();
    const sent = round();
    const res = await store.request<KitchenRoundStatus>("POST", "/api/v1/kitchen/rounds", sent);
    expect(res.status).toBe(201);
    expect(res.body.stations.map((s) => s.stationId)).toEqual(["grill", "bar", "pass"]);
    expect(res.body.done).toBe(false);
    const bar = await store.request<KitchenTicketsAnswer>("GET", "/api/v1/kitchen/tickets?station=bar");
    expect(bar.status).toBe(200);
    expect(bar.body.station).toEqual({ id: "bar", name: "Bar" });
    expect(bar.body.tickets).toHaveLength(1);
    expect(bar.body.tickets[0]?.lines.map((l) => l.name)).toEqual(["Lemonade", "Cider"]);
    expect(bar.body.tickets[0]?.tableLabel).toBe("12");
    const pass = await store.request<KitchenTicketsAnswer>("GET", "/api/v1/kitchen/tickets?station=pass");
    expect(pass.body.tickets[0]?.lines).toEqual([
      { lineId: "l4", name: "Bread", quantityMilli: 1000, modifiers: [], notes: "no butter" },
    ]);
    // Journaled for head office, with who sent it.
    const audit = store.ctx.sqlite
      .query<{ n: number }, []>(
        "SELECT count(*) AS n FROM events WHERE type = 'audit.recorded' AND payload LIKE '%kitchen.round_sent%'",
      )
      .get();
    expect(audit?.n).toBe(1);
  });

  test("the same round sent twice makes its tickets once; the same id with other lines is refused", async () => {
    using store = kitchenStore();
    const sent = round();
    expect((await store.request("POST", "/api/v1/kitchen/rounds", sent)).status).toBe(201);
    const again = await store.request<KitchenRoundStatus>("POST", "/api/v1/kitchen/rounds", sent);
    expect(again.status).toBe(200);
    expect(store.count("kitchen_tickets")).toBe(3);
    const events = store.journalLength();
    const other = await store.request<{ error: { code: string } }>("POST", "/api/v1/kitchen/rounds", {
      ...sent,
      lines: sent.lines.slice(0, 1),
    });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe("ROUND_ID_REUSED");
    expect(store.count("kitchen_tickets")).toBe(3);
    expect(store.journalLength()).toBe(events);
  });

  test("bad input is refused precisely and changes nothing", async () => {
    using store = kitchenStore();
    const before = { tickets: store.count("kitchen_tickets"), events: store.journalLength() };
    const empty = await store.request<{ error: { code: string } }>(
      "POST",
      "/api/v1/kitchen/rounds",
      round({ lines: [] }),
    );
    expect(empty.status).toBe(400);
    const line = round().lines[0];
    const tooMany = await store.request(
      "POST",
      "/api/v1/kitchen/rounds",
      round({ lines: Array.from({ length: 101 }, (_, i) => ({ ...line, lineId: `l${i}` })) as never }),
    );
    expect(tooMany.status).toBe(400);
    const zero = await store.request(
      "POST",
      "/api/v1/kitchen/rounds",
      round({ lines: [{ ...line, quantityMilli: 0 }] as never }),
    );
    expect(zero.status).toBe(400);
    const notUuid = await store.request("POST", "/api/v1/kitchen/rounds", round({ id: "r1" }));
    expect(notUuid.status).toBe(400);
    const unknown = await store.request<{ error: { code: string } }>(
      "GET",
      "/api/v1/kitchen/tickets?station=wok",
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("UNKNOWN_STATION");
    const noTicket = await store.request<{ error: { code: string } }>(
      "POST",
      `/api/v1/kitchen/tickets/${crypto.randomUUID()}/bump`,
    );
    expect(noTicket.status).toBe(404);
    expect(noTicket.body.error.code).toBe("TICKET_NOT_FOUND");
    expect({ tickets: store.count("kitchen_tickets"), events: store.journalLength() }).toEqual(before);
  });

  test("a store without kitchen stations refuses rounds", async () => {
    using store = createTestStore();
    const res = await store.request<{ error: { code: string } }>("POST", "/api/v1/kitchen/rounds", round());
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("KITCHEN_NOT_CONFIGURED");
    expect(store.count("kitchen_rounds")).toBe(0);
  });
});

describe("kitchen tickets", () => {
  test("bump and recall move a ticket, the round's status follows, and each is journaled", async () => {
    using store = kitchenStore();
    const sent = round({ lines: [round().lines[0] as never] });
    const status = await store.request<KitchenRoundStatus>("POST", "/api/v1/kitchen/rounds", sent);
    const ticketId = status.body.stations[0]?.ticketId ?? "";
    const started = await store.request<KitchenTicket>("POST", `/api/v1/kitchen/tickets/${ticketId}/start`);
    expect(started.body.status).toBe("in_progress");
    const bumped = await store.request<KitchenTicket>("POST", `/api/v1/kitchen/tickets/${ticketId}/bump`);
    expect(bumped.status).toBe(200);
    expect(bumped.body.status).toBe("bumped");
    const done = await store.request<KitchenRoundStatus>("GET", `/api/v1/kitchen/rounds/${sent.id}`);
    expect(done.body).toMatchObject({ done: true, stations: [{ stationId: "grill", done: true }] });
    const twice = await store.request<{ error: { code: string } }>(
      "POST",
      `/api/v1/kitchen/tickets/${ticketId}/bump`,
    );
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("TICKET_ALREADY_BUMPED");
    const recalled = await store.request<KitchenTicket>("POST", `/api/v1/kitchen/tickets/${ticketId}/recall`);
    expect(recalled.body.status).toBe("in_progress");
    const again = await store.request<KitchenRoundStatus>("GET", `/api/v1/kitchen/rounds/${sent.id}`);
    expect(again.body.done).toBe(false);
    const notBumped = await store.request<{ error: { code: string } }>(
      "POST",
      `/api/v1/kitchen/tickets/${ticketId}/recall`,
    );
    expect(notBumped.body.error.code).toBe("TICKET_NOT_BUMPED");
    const actions = store.ctx.sqlite
      .query<{ action: string }, []>("SELECT action FROM audit WHERE action LIKE 'kitchen.%' ORDER BY id")
      .all()
      .map((r) => r.action);
    expect(actions).toEqual([
      "kitchen.round_sent",
      "kitchen.ticket_started",
      "kitchen.ticket_bumped",
      "kitchen.ticket_recalled",
    ]);
  });

  test("a display asking since its last change gets only what changed; with wait it is answered when a round comes", async () => {
    using store = kitchenStore();
    await store.request("POST", "/api/v1/kitchen/rounds", round());
    const first = await store.request<KitchenTicketsAnswer>("GET", "/api/v1/kitchen/tickets?station=grill");
    expect(first.body.tickets).toHaveLength(1);
    const none = await store.request<KitchenTicketsAnswer>(
      "GET",
      `/api/v1/kitchen/tickets?station=grill&since=${first.body.seq}`,
    );
    expect(none.body.tickets).toEqual([]);
    const waiting = store.request<KitchenTicketsAnswer>(
      "GET",
      `/api/v1/kitchen/tickets?station=grill&since=${first.body.seq}&wait=20000`,
    );
    const startedAt = Date.now();
    await store.request("POST", "/api/v1/kitchen/rounds", round({ tableLabel: "7" }));
    const woken = await waiting;
    expect(Date.now() - startedAt).toBeLessThan(5_000);
    expect(woken.body.tickets.map((t) => t.tableLabel)).toEqual(["7"]);
    const bumped = await store.request<KitchenTicket>(
      "POST",
      `/api/v1/kitchen/tickets/${woken.body.tickets[0]?.id}/bump`,
    );
    const after = await store.request<KitchenTicketsAnswer>(
      "GET",
      `/api/v1/kitchen/tickets?station=grill&since=${woken.body.seq}`,
    );
    expect(after.body.tickets.map((t) => [t.id, t.status])).toEqual([[bumped.body.id, "bumped"]]);
  });

  test("a held course shows on hold, cannot be bumped, and is fired once", async () => {
    using store = kitchenStore();
    const held = round({ fired: false, course: "2" });
    await store.request("POST", "/api/v1/kitchen/rounds", held);
    const list = await store.request<KitchenTicketsAnswer>("GET", "/api/v1/kitchen/tickets?station=grill");
    expect(list.body.tickets[0]).toMatchObject({ fired: false, course: "2" });
    const early = await store.request<{ error: { code: string } }>(
      "POST",
      `/api/v1/kitchen/tickets/${list.body.tickets[0]?.id}/bump`,
    );
    expect(early.body.error.code).toBe("TICKET_ON_HOLD");
    const fired = await store.request<KitchenRoundStatus>("POST", `/api/v1/kitchen/rounds/${held.id}/fire`);
    expect(fired.body.fired).toBe(true);
    const twice = await store.request<{ error: { code: string } }>(
      "POST",
      `/api/v1/kitchen/rounds/${held.id}/fire`,
    );
    expect(twice.body.error.code).toBe("ROUND_ALREADY_FIRED");
  });
});
