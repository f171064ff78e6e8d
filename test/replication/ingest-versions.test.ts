/**
 * Stores of two releases feed one head office: each event keeps the version it was written
 * with, and HQ applies every version it has ever written (the oldest and the current one) in
 * one store's chain. An event of a version this HQ does not know yet (a newer store) is
 * dead-lettered with the reason, never applied wrongly or lost, until HQ is upgraded.
 */
import { afterEach, beforeEach, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { computeEventHash } from "../../src/core/events/envelope.ts";
import {
  EVENT_TYPES,
  EVENT_VERSION,
  type EventType,
  payloadSchemaFor,
  type StoreEvent,
  sealEvent,
  type UnsealedEvent,
} from "../../src/core/events.ts";
import { uuidv7 } from "../../src/core/ids.ts";
import { EventIngestor, replicationState } from "../../src/hq/ingest/index.ts";
import { openTestHqContext } from "../support/hq-app.ts";
import { salePayload } from "../support/replication-journal.ts";

let dir: string;
let ctx: ReturnType<typeof openTestHqContext>;
let ingestor: EventIngestor;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ringup-ingest-versions-"));
  ctx = openTestHqContext(dir, { log: () => undefined });
  ingestor = new EventIngestor(ctx.sqlite, () => new Date("2026-03-02T15:00:00.000Z"));
});
afterEach(() => {
  ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A chain of sales, the n-th written with versions[n]. */
async function chain(storeId: string, versions: readonly number[]): Promise<StoreEvent[]> {
  const out: StoreEvent[] = [];
  let prevHash: string | null = null;
  for (const [i, version] of versions.entries()) {
    const at = `2026-03-02T14:0${i}:00.000Z`;
    const unsealed = {
      id: uuidv7(),
      storeId,
      seq: i + 1,
      type: "sale.completed",
      version,
      at,
      payload: salePayload(storeId, i, at),
      prevHash,
    } as UnsealedEvent<EventType>;
    // A version this build does not know is sealed as a newer store would seal it.
    const event =
      version <= EVENT_VERSION
        ? await sealEvent(unsealed)
        : ({ ...unsealed, hash: computeEventHash(unsealed) } as StoreEvent);
    out.push(event);
    prevHash = event.hash;
  }
  return out;
}

function message(event: StoreEvent) {
  return {
    subject: `ringup.v1.store.${event.storeId}.${event.type}`,
    data: new TextEncoder().encode(JSON.stringify(event)),
  };
}

test("HQ knows every event version a store has ever written", () => {
  for (const type of EVENT_TYPES) {
    for (let version = 1; version <= EVENT_VERSION; version++) {
      expect(payloadSchemaFor(type, version)).toBeDefined();
    }
  }
});

test("events of the oldest and of the current version are applied in one chain", async () => {
  const events = await chain("S1", [1, EVENT_VERSION, 1, EVENT_VERSION]);
  const result = ingestor.ingest(events.map(message));
  expect(result.outcomes).toEqual(["applied", "applied", "applied", "applied"]);
  expect(replicationState(ctx).get("S1")?.lastSeq).toBe(4);
  const versions = ctx.sqlite
    .query<{ version: number }, []>("SELECT version FROM ingested_events ORDER BY seq")
    .all()
    .map((r) => r.version);
  expect(versions).toEqual([1, EVENT_VERSION, 1, EVENT_VERSION]);
  expect(ctx.sqlite.query("SELECT count(*) AS n FROM hq_sales").get()).toEqual({ n: 4 });
});

test("an event of a version HQ does not know yet is held back, not applied", async () => {
  const events = await chain("S2", [EVENT_VERSION, EVENT_VERSION + 1]);
  const result = ingestor.ingest(events.map(message));
  expect(result.outcomes).toEqual(["applied", "dead"]);
  expect(ctx.sqlite.query("SELECT reason FROM dead_letters").all()).toEqual([{ reason: "INVALID_EVENT" }]);
  expect(replicationState(ctx).get("S2")?.lastSeq).toBe(1);
  expect(ctx.sqlite.query("SELECT count(*) AS n FROM hq_sales").get()).toEqual({ n: 1 });
});
