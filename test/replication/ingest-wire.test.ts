/**
 * Events as a store's outbox relay sends them (the canonical JSON of the envelope): the ingest's
 * fast path for canonical text still checks each event's hash against its content and its chain,
 * and still refuses what the payload's schema refuses.
 */
import { afterEach, beforeEach, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  canonicalJson,
  computeEventHash,
  envelopeJson,
  type StoreEvent,
  type StoreEventOf,
  sealEvent,
} from "../../src/core/events.ts";
import { uuidv7 } from "../../src/core/ids.ts";
import { EventIngestor, replicationState } from "../../src/hq/ingest/index.ts";
import { openTestHqContext } from "../support/hq-app.ts";
import { salePayload } from "../support/replication-journal.ts";

let dir: string;
let ctx: ReturnType<typeof openTestHqContext>;
let ingestor: EventIngestor;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ringup-ingest-wire-"));
  ctx = openTestHqContext(dir, { log: () => undefined });
  ingestor = new EventIngestor(ctx.sqlite, () => new Date("2026-03-02T15:00:00.000Z"));
});
afterEach(() => {
  ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

const AT = "2026-03-02T14:00:00.000Z";

async function sale(seq: number, prevHash: string | null): Promise<StoreEventOf<"sale.completed">> {
  return sealEvent({
    id: uuidv7(),
    storeId: "W1",
    seq,
    type: "sale.completed",
    version: 1,
    at: AT,
    payload: salePayload("W1", seq, AT),
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

function deadReasons(): string[] {
  return ctx.sqlite
    .query<{ reason: string }, []>("SELECT reason FROM dead_letters ORDER BY id")
    .all()
    .map((r) => r.reason);
}

test("a relay's event applies and HQ keeps its payload as the canonical text it was hashed over", async () => {
  const e1 = await sale(1, null);
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
  const e1 = await sale(1, null);
  const altered = canonicalJson({ ...e1.payload, totalMinor: e1.payload.totalMinor + 1 });
  expect(ingestor.ingest([wire(e1, altered)]).outcomes).toEqual(["dead"]);
  expect(deadReasons()).toEqual(["HASH_MISMATCH"]);
  expect(replicationState(ctx).get("W1")?.lastSeq ?? 0).toBe(0);
  // The genuine event applies after it.
  expect(ingestor.ingest([wire(e1)]).outcomes).toEqual(["applied"]);
});

test("a payload the schema refuses is dead-lettered even with a hash that matches it", async () => {
  const e1 = await sale(1, null);
  const bad = { ...e1.payload, discountMinor: -5 };
  const hash = computeEventHash({ ...e1, payload: bad });
  expect(ingestor.ingest([wire(e1, canonicalJson(bad), hash)]).outcomes).toEqual(["dead"]);
  expect(deadReasons()).toEqual(["INVALID_EVENT"]);
  expect(ctx.sqlite.query<{ n: number }, []>("SELECT count(*) AS n FROM hq_sales").get()?.n).toBe(0);
});

test("an event whose prevHash is not the hash HQ applied breaks the chain", async () => {
  const e1 = await sale(1, null);
  const forged = await sale(2, "0".repeat(64));
  expect(ingestor.ingest([wire(e1), wire(forged)]).outcomes).toEqual(["applied", "dead"]);
  expect(deadReasons()).toEqual(["CHAIN_BROKEN"]);
  expect(replicationState(ctx).get("W1")?.lastSeq).toBe(1);
});
