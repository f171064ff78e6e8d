/**
 * The ingestor in-process, on a real head office database: sequence order per store, parking
 * behind a gap until it fills, duplicates by event id, and what it refuses (also on the wire form
 * a store's relay sends).
 */
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  canonicalJson,
  computeEventHash,
  type EventType,
  envelopeJson,
  type StoreEvent,
  type StoreEventOf,
  sealEvent,
  type UnsealedEvent,
} from "../../src/core/events.ts";
import { uuidv7 } from "../../src/core/ids.ts";
import { EventIngestor, replicationState } from "../../src/hq/ingest/index.ts";
import { openTestHqContext } from "../support/hq-app.ts";
import { salePayload as relaySalePayload } from "../support/replication-journal.ts";

let dir: string;
let ctx: ReturnType<typeof openTestHqContext>;
let ingestor: EventIngestor;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ringup-ingest-"));
  ctx = openTestHqContext(dir, { log: () => undefined });
  ingestor = new EventIngestor(ctx.sqlite, () => new Date("2026-03-02T15:00:00.000Z"));
});
afterEach(() => {
  ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

function salePayload(i: number, at: string, saleId = uuidv7()) {
  return {
    saleId,
    receiptNo: `S1-T1-${String(i).padStart(6, "0")}`,
    tillId: "T1",
    cashierId: null,
    at,
    currency: "USD",
    lines: [
      {
        code: "A1",
        name: "Apple juice",
        department: null,
        taxClass: null,
        qtyMilli: 1000,
        unitPriceMinor: 199,
        extendedMinor: 199,
        discountMinor: 0,
        taxMinor: 0,
        totalMinor: 199,
      },
    ],
    subtotalMinor: 199,
    discountMinor: 0,
    taxMinor: 0,
    totalMinor: 199,
    taxes: [],
    tenders: [{ type: "cash", amountMinor: 500 }],
    changeMinor: 301,
    cashRoundingMinor: 0,
    customerId: null,
  };
}

/** A store's journal of `n` sales, hash-chained. */
async function journal(
  storeId: string,
  n: number,
  at = "2026-03-02T14:00:00.000Z",
  saleId?: string,
): Promise<StoreEvent[]> {
  const out: StoreEvent[] = [];
  let prevHash: string | null = null;
  for (let seq = 1; seq <= n; seq++) {
    const unsealed: UnsealedEvent<EventType> = {
      id: uuidv7(),
      storeId,
      seq,
      type: "sale.completed",
      version: 1,
      at,
      payload: salePayload(seq, at, saleId),
      prevHash,
    } as UnsealedEvent<EventType>;
    const event = await sealEvent(unsealed);
    out.push(event);
    prevHash = event.hash;
  }
  return out;
}

function message(event: StoreEvent, subjectStore = event.storeId) {
  return {
    subject: `ringup.v1.store.${subjectStore}.${event.type}`,
    data: new TextEncoder().encode(JSON.stringify(event)),
  };
}

function salesCount(): number {
  return ctx.sqlite.query<{ n: number }, []>("SELECT count(*) AS n FROM hq_sales").get()?.n ?? 0;
}

describe("EventIngestor", () => {
  test("applies in order, parks behind a gap and applies the parked run when it fills", async () => {
    const events = await journal("S1", 6);
    const [e1, e2, e3, e4, e5, e6] = events as [
      StoreEvent,
      StoreEvent,
      StoreEvent,
      StoreEvent,
      StoreEvent,
      StoreEvent,
    ];
    expect(ingestor.ingest([message(e1), message(e2)]).outcomes).toEqual(["applied", "applied"]);
    expect(ingestor.ingest([message(e5), message(e4)]).outcomes).toEqual(["parked", "parked"]);
    let state = replicationState(ctx).get("S1");
    expect(state).toMatchObject({ lastSeq: 2, gapFromSeq: 3, parked: 2 });
    expect(state?.gapSince).not.toBeNull();
    expect(salesCount()).toBe(2);
    const filled = ingestor.ingest([message(e3), message(e6)]);
    expect(filled.outcomes).toEqual(["applied", "applied"]);
    expect([...filled.moved]).toEqual(["S1"]);
    state = replicationState(ctx).get("S1");
    expect(state).toMatchObject({ lastSeq: 6, gapFromSeq: null, gapSince: null, parked: 0, deadLetters: 0 });
    expect(salesCount()).toBe(6);
  });

  test("a duplicate by event id changes nothing, in order, parked or long after", async () => {
    const [e1, e2, e3] = (await journal("S1", 3)) as [StoreEvent, StoreEvent, StoreEvent];
    ingestor.ingest([message(e1), message(e3)]);
    expect(ingestor.ingest([message(e1), message(e3)]).outcomes).toEqual(["duplicate", "parked"]);
    ingestor.ingest([message(e2)]);
    expect(ingestor.ingest([message(e1), message(e2), message(e3)]).outcomes).toEqual([
      "duplicate",
      "duplicate",
      "duplicate",
    ]);
    expect(salesCount()).toBe(3);
  });

  test("stores are independent: one store's gap or bad event does not hold up another", async () => {
    const s1 = await journal("S1", 3);
    const s2 = await journal("S2", 2);
    const forged = { ...(s2[0] as StoreEvent), storeId: "S1" } as StoreEvent;
    const result = ingestor.ingest([
      message(s1[2] as StoreEvent),
      message(forged, "S2"),
      message(s2[0] as StoreEvent),
      message(s2[1] as StoreEvent),
    ]);
    expect(result.outcomes).toEqual(["parked", "dead", "applied", "applied"]);
    const states = replicationState(ctx);
    expect(states.get("S2")).toMatchObject({ lastSeq: 2, deadLetters: 1 });
    expect(states.get("S2")?.recentDeadLetters[0]?.reason).toBe("STORE_MISMATCH");
    expect(states.get("S1")).toMatchObject({ lastSeq: 0, parked: 1, deadLetters: 0 });
  });

  test("refuses another event at an applied sequence, and one that breaks the chain", async () => {
    const [a1] = (await journal("S1", 1)) as [StoreEvent];
    const [b1, b2] = (await journal("S1", 2)) as [StoreEvent, StoreEvent];
    ingestor.ingest([message(a1)]);
    expect(ingestor.ingest([message(b1), message(b2)]).outcomes).toEqual(["dead", "dead"]);
    const reasons = ctx.sqlite
      .query<{ reason: string }, []>("SELECT reason FROM dead_letters ORDER BY id")
      .all()
      .map((r) => r.reason);
    expect(reasons).toEqual(["SEQUENCE_CONFLICT", "CHAIN_BROKEN"]);
    expect(replicationState(ctx).get("S1")?.lastSeq).toBe(1);
  });

  test("an event that fails to apply is dead-lettered alone; the rest of its batch is applied", async () => {
    const [e1, e2, e3] = (await journal("S1", 3)) as [StoreEvent, StoreEvent, StoreEvent];
    // S2's sale reuses S1's first sale id: its rows collide with S1's at HQ.
    const [clash] = (await journal("S2", 1, undefined, (e1.payload as { saleId: string }).saleId)) as [
      StoreEvent,
    ];
    const result = ingestor.ingest([message(e1), message(clash), message(e2), message(e3)]);
    expect(result.outcomes).toEqual(["applied", "dead", "applied", "applied"]);
    const dead = ctx.sqlite.query<{ reason: string }, []>("SELECT reason FROM dead_letters").all();
    expect(dead).toEqual([{ reason: "APPLY_FAILED" }]);
    expect(replicationState(ctx).get("S1")?.lastSeq).toBe(3);
    expect(replicationState(ctx).get("S2")?.lastSeq ?? 0).toBe(0);
    expect(salesCount()).toBe(3);
  });

  test("a batch with a duplicate, a forged event and one that fails to apply: the good ones land once, with their summaries, and nothing of the others", async () => {
    const [e1, e2, e3] = (await journal("S1", 3)) as [StoreEvent, StoreEvent, StoreEvent];
    const [clash] = (await journal("S2", 1, undefined, (e1.payload as { saleId: string }).saleId)) as [
      StoreEvent,
    ];
    const [s3] = (await journal("S3", 1)) as [StoreEvent];
    const forged = { ...s3, payload: { ...(s3.payload as object), totalMinor: 1 } } as StoreEvent;
    const result = ingestor.ingest([
      message(e1),
      message(e2),
      message(e1),
      message(forged),
      message(clash),
      message(e3),
    ]);
    expect(result.outcomes).toEqual(["applied", "applied", "duplicate", "dead", "dead", "applied"]);
    const dead = ctx.sqlite
      .query<{ storeId: string; reason: string }, []>(
        "SELECT store_id AS storeId, reason FROM dead_letters ORDER BY store_id",
      )
      .all();
    expect(dead).toEqual([
      { storeId: "S2", reason: "APPLY_FAILED" },
      { storeId: "S3", reason: "HASH_MISMATCH" },
    ]);
    const count = (sql: string) => ctx.sqlite.query<{ n: number | null }, []>(sql).get()?.n ?? 0;
    expect(salesCount()).toBe(3);
    expect(count("SELECT count(*) AS n FROM ingested_events")).toBe(3);
    expect(count("SELECT sum(sales_count) AS n FROM hq_sum_hours")).toBe(3);
    expect(count("SELECT sum(qty_milli) AS n FROM hq_sum_products")).toBe(3000);
    expect(count("SELECT count(*) AS n FROM hq_tenders WHERE store_id <> 'S1'")).toBe(0);
    expect(count("SELECT count(*) AS n FROM hq_sum_cashiers WHERE store_id <> 'S1'")).toBe(0);
    expect(replicationState(ctx).get("S1")?.lastSeq).toBe(3);
    expect(replicationState(ctx).get("S2")?.lastSeq ?? 0).toBe(0);
    // The same batch again changes nothing but its refusals' dead letters.
    const again = ingestor.ingest([message(e1), message(e2), message(e3)]);
    expect(again.outcomes).toEqual(["duplicate", "duplicate", "duplicate"]);
    expect(count("SELECT sum(sales_count) AS n FROM hq_sum_hours")).toBe(3);
  });

  test("days follow the store's time zone in the registry when the event names none", async () => {
    ctx.sqlite
      .query(
        `INSERT INTO stores (store_id, name, time_zone, currency, nats_user, nats_password_hash, created_at, updated_at)
         VALUES ('S9', 'Far east', 'Asia/Tokyo', 'USD', 'store_S9', 'x', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
      )
      .run();
    const fresh = new EventIngestor(ctx.sqlite, () => new Date());
    const [e1] = (await journal("S9", 1, "2026-03-02T16:00:00.000Z")) as [StoreEvent];
    const [u1] = (await journal("S8", 1, "2026-03-02T16:00:00.000Z")) as [StoreEvent];
    fresh.ingest([message(e1), message(u1)]);
    const days = ctx.sqlite
      .query<{ storeId: string; day: string }, []>(
        "SELECT store_id AS storeId, day FROM hq_sales ORDER BY store_id",
      )
      .all();
    // 16:00 UTC is 01:00 the next day in Tokyo; a store HQ does not know counts in UTC.
    expect(days).toEqual([
      { storeId: "S8", day: "2026-03-02" },
      { storeId: "S9", day: "2026-03-03" },
    ]);
  });
});

// Events as a store's outbox relay sends them (the canonical JSON of the envelope): the fast path
// for canonical text still checks each hash against content and chain, and the payload's schema.
const WIRE_AT = "2026-03-02T14:00:00.000Z";

async function relaySale(seq: number, prevHash: string | null): Promise<StoreEventOf<"sale.completed">> {
  return sealEvent({
    id: uuidv7(),
    storeId: "W1",
    seq,
    type: "sale.completed",
    version: 1,
    at: WIRE_AT,
    payload: relaySalePayload("W1", seq, WIRE_AT),
    prevHash,
  });
}

/** The relay's wire text around a payload given as canonical JSON text. */
function wire(event: StoreEvent, payloadJson = canonicalJson(event.payload), hash = event.hash) {
  return {
    subject: `ringup.v1.store.${event.storeId}.${event.type}`,
    data: new TextEncoder().encode(envelopeJson(event, payloadJson, hash)),
  };
}

function wireDeadReasons(): string[] {
  return ctx.sqlite
    .query<{ reason: string }, []>("SELECT reason FROM dead_letters ORDER BY id")
    .all()
    .map((r) => r.reason);
}

describe("EventIngestor on the relay's wire form", () => {
  test("a relay's event applies and HQ keeps its payload as the canonical text it was hashed over", async () => {
    const e1 = await relaySale(1, null);
    expect(ingestor.ingest([wire(e1)]).outcomes).toEqual(["applied"]);
    const row = ctx.sqlite
      .query<{ payload: string; hash: string }, [string]>(
        "SELECT payload, hash FROM ingested_events WHERE id = ?1",
      )
      .get(e1.id);
    expect(row).toEqual({ payload: canonicalJson(e1.payload), hash: e1.hash });
    expect(computeEventHash({ ...e1, payload: JSON.parse(row?.payload ?? "null") })).toBe(e1.hash);
  });

  test("a payload altered on the wire, still canonical, is refused for its hash and changes nothing", async () => {
    const e1 = await relaySale(1, null);
    const altered = canonicalJson({ ...e1.payload, totalMinor: e1.payload.totalMinor + 1 });
    expect(ingestor.ingest([wire(e1, altered)]).outcomes).toEqual(["dead"]);
    expect(wireDeadReasons()).toEqual(["HASH_MISMATCH"]);
    expect(replicationState(ctx).get("W1")?.lastSeq ?? 0).toBe(0);
    // The genuine event applies after it.
    expect(ingestor.ingest([wire(e1)]).outcomes).toEqual(["applied"]);
  });

  test("a payload the schema refuses is dead-lettered even with a hash that matches it", async () => {
    const e1 = await relaySale(1, null);
    const bad = { ...e1.payload, discountMinor: -5 };
    const hash = computeEventHash({ ...e1, payload: bad });
    expect(ingestor.ingest([wire(e1, canonicalJson(bad), hash)]).outcomes).toEqual(["dead"]);
    expect(wireDeadReasons()).toEqual(["INVALID_EVENT"]);
    expect(ctx.sqlite.query<{ n: number }, []>("SELECT count(*) AS n FROM hq_sales").get()?.n).toBe(0);
  });

  test("an event whose prevHash is not the hash HQ applied breaks the chain", async () => {
    const e1 = await relaySale(1, null);
    const forged = await relaySale(2, "0".repeat(64));
    expect(ingestor.ingest([wire(e1), wire(forged)]).outcomes).toEqual(["applied", "dead"]);
    expect(wireDeadReasons()).toEqual(["CHAIN_BROKEN"]);
    expect(replicationState(ctx).get("W1")?.lastSeq).toBe(1);
  });
});
