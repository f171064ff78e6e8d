/**
 * Ingest at the size the consumer hands over (hundreds of events in one transaction, rows sent
 * to the database in bulk while the batch goes on): one event that cannot apply, or that is
 * refused, is dead-lettered alone and every other event is applied once, with its rows and
 * summaries; the same messages again change nothing.
 */
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { canonicalJson, envelopeJson, type StoreEvent } from "../../src/core/events.ts";
import { EventIngestor, type IncomingMessage, replicationState } from "../../src/hq/ingest/index.ts";
import { openTestHqContext } from "../support/hq-app.ts";
import { sealedSales } from "../support/replication-journal.ts";

const STORES = ["B1", "B2", "B3"];
const PER_STORE = 200;

let dir: string;
let ctx: ReturnType<typeof openTestHqContext>;
let ingestor: EventIngestor;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ringup-ingest-batch-"));
  ctx = openTestHqContext(dir, { log: () => undefined });
  ingestor = new EventIngestor(ctx.sqlite, () => new Date("2026-03-02T18:00:00.000Z"));
});
afterEach(() => {
  ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A store's journal of sales, 30 s apart; `saleIds` gives some sales the id named. */
function journal(storeId: string, n: number, saleIds = new Map<number, string>()): Promise<StoreEvent[]> {
  return sealedSales(storeId, n, 30_000, (payload, i) => ({
    ...payload,
    saleId: saleIds.get(i) ?? payload.saleId,
  }));
}

/** An event as a store's relay sends it. */
function message(e: StoreEvent, text = envelopeJson(e, canonicalJson(e.payload), e.hash)): IncomingMessage {
  return { subject: `ringup.v1.store.${e.storeId}.${e.type}`, data: new TextEncoder().encode(text) };
}

/** The stores' journals interleaved, as the consumer receives them. */
function interleaved(journals: StoreEvent[][]): StoreEvent[] {
  return (journals[0] ?? []).flatMap((_, i) => journals.map((j) => j[i] as StoreEvent));
}

const count = (sql: string) => ctx.sqlite.query<{ n: number | null }, []>(sql).get()?.n ?? 0;

function expectAppliedOnce(sales: number): void {
  expect(count("SELECT count(*) AS n FROM hq_sales")).toBe(sales);
  expect(count("SELECT count(*) AS n FROM hq_sale_lines")).toBe(sales * 3);
  expect(count("SELECT count(*) AS n FROM hq_tenders")).toBe(sales);
  expect(count("SELECT count(*) AS n FROM hq_sale_taxes")).toBe(sales);
  expect(count("SELECT count(*) AS n FROM ingested_events")).toBe(sales);
  expect(count("SELECT sum(sales_count) AS n FROM hq_sum_hours")).toBe(sales);
  expect(count("SELECT sum(sales_count) AS n FROM hq_sum_cashiers")).toBe(sales);
}

describe("a batch of hundreds of events", () => {
  // The clash sends the batch round again event by event, each in a savepoint: on PostgreSQL,
  // thousands of round trips, hence the longer timeout.
  test("one whose rows clash mid-batch is dead-lettered alone; the others are applied once", async () => {
    const journals = await Promise.all(STORES.map((s) => journal(s, PER_STORE)));
    const [b1] = journals as [StoreEvent[]];
    const taken = ((b1[10] as StoreEvent).payload as { saleId: string }).saleId;
    // A fourth store's only sale reuses a sale id B1 sent earlier in the batch.
    const [clash] = (await journal("B9", 1, new Map([[0, taken]]))) as [StoreEvent];
    const events = interleaved(journals);
    const batch = [...events.slice(0, 300), clash, ...events.slice(300)].map((e) => message(e));

    const { outcomes, moved } = ingestor.ingest(batch);

    expect(outcomes.filter((o) => o === "applied")).toHaveLength(STORES.length * PER_STORE);
    expect(outcomes[300]).toBe("dead");
    expect([...moved].sort()).toEqual(STORES);
    expectAppliedOnce(STORES.length * PER_STORE);
    const dead = ctx.sqlite
      .query<{ storeId: string; reason: string; eventId: string }, []>(
        "SELECT store_id AS storeId, reason, event_id AS eventId FROM dead_letters",
      )
      .all();
    expect(dead).toEqual([{ storeId: "B9", reason: "APPLY_FAILED", eventId: clash.id }]);
    const state = replicationState(ctx);
    for (const s of STORES) expect(state.get(s)?.lastSeq).toBe(PER_STORE);
    expect(state.get("B9")?.lastSeq ?? 0).toBe(0);

    // The same messages again: duplicates, and the clash refused again; nothing more is written.
    const again = ingestor.ingest(batch);
    expect(again.outcomes.filter((o) => o === "duplicate")).toHaveLength(STORES.length * PER_STORE);
    expect(again.outcomes[300]).toBe("dead");
    expectAppliedOnce(STORES.length * PER_STORE);
  }, 60_000);

  test("one refused for its hash among them is dead-lettered; the others are applied once", async () => {
    const journals = await Promise.all(STORES.map((s) => journal(s, PER_STORE)));
    const events = interleaved(journals);
    const bad = events[450] as StoreEvent;
    const forged = envelopeJson(bad, canonicalJson({ ...(bad.payload as object), totalMinor: 1 }), bad.hash);
    const batch = events.map((e) => (e === bad ? message(e, forged) : message(e)));

    const { outcomes } = ingestor.ingest(batch);

    expect(outcomes[450]).toBe("dead");
    // The forged event's store stops before it; its later events wait behind the gap.
    const store = bad.storeId;
    const after = events.filter((e) => e.storeId === store && e.seq > bad.seq).length;
    expect(outcomes.filter((o) => o === "parked")).toHaveLength(after);
    const applied = STORES.length * PER_STORE - 1 - after;
    expect(outcomes.filter((o) => o === "applied")).toHaveLength(applied);
    expectAppliedOnce(applied);
    expect(ctx.sqlite.query("SELECT reason FROM dead_letters").all()).toEqual([{ reason: "HASH_MISMATCH" }]);
    expect(replicationState(ctx).get(store)?.lastSeq).toBe(bad.seq - 1);

    // The store sends the event again as it was: it and the parked ones after it apply, once.
    const resent = ingestor.ingest([message(bad)]);
    expect(resent.outcomes).toEqual(["applied"]);
    expectAppliedOnce(STORES.length * PER_STORE);
    expect(replicationState(ctx).get(store)?.lastSeq).toBe(PER_STORE);
  }, 60_000);
});
