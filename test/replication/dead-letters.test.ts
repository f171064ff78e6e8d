/**
 * Bad input at head office: a message that is not JSON, an event that fails its schema, one
 * whose type differs from its subject's and one whose content does not match its hash are
 * not applied, are kept as dead letters with the reason, show in /stores, and never hold up
 * the events after them, of that store or any other.
 *
 * A store's own event head office cannot apply holds back that store's later events (the
 * chain keeps its order) and shows at once in /stores; an operator retries it after the fix
 * or discards it with a reason through `ringup hq dead-letters`, and the held-back events
 * follow exactly once.
 */
import { Database } from "bun:sqlite";
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { join } from "node:path";
import { jetstream } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { uuidv7 } from "../../src/core/ids.ts";
import { runRingup } from "../support/ringup-cli.ts";
import {
  auditEvent,
  type Chain,
  expectExact,
  ringSale,
  startChain,
  storeFacts,
  waitConverged,
} from "./support/chain.ts";
import { waitFor } from "./support/wait.ts";

// Real processes: starting them and waiting for replication takes seconds, not milliseconds.
setDefaultTimeout(120_000);

let chain: Chain;
beforeAll(async () => {
  chain = await startChain({ storeIds: ["S1", "S2"] });
});
afterAll(async () => {
  await chain?.[Symbol.asyncDispose]();
});

test("bad messages are dead-lettered with their reason and block nothing", async () => {
  for (let i = 0; i < 5; i++) {
    await ringSale(chain.store("S1"), i);
    await ringSale(chain.store("S2"), i);
  }
  const s2 = storeFacts(chain.store("S2"));
  const schemaBreaker = {
    ...auditEvent("S2", s2.lastSeq + 1, s2.lastHash),
    payload: { action: "NOT AN ACTION" },
  };
  const wrongHash = auditEvent("S2", s2.lastSeq + 1, s2.lastHash);
  const wrongType = auditEvent("S2", s2.lastSeq + 1, s2.lastHash);
  const nc = await connect({ servers: chain.nats.url.replace("nats://", "") });
  try {
    const js = jetstream(nc);
    const send = (subject: string, body: string) => js.publish(subject, body, { msgID: uuidv7() });
    await send("ringup.v1.store.S2.sale.completed", "{not json");
    await send("ringup.v1.store.S2.audit.recorded", JSON.stringify(schemaBreaker));
    await send("ringup.v1.store.S2.audit.recorded", JSON.stringify(wrongHash));
    await send("ringup.v1.store.S2.sale.completed", JSON.stringify(wrongType));
    await send("ringup.v1.store.S2.no.such.type", JSON.stringify(auditEvent("S2", 1, null)));
  } finally {
    await nc.close();
  }
  // The stores' own events after the bad ones are applied.
  for (let i = 0; i < 5; i++) {
    await ringSale(chain.store("S1"), i);
    await ringSale(chain.store("S2"), i);
  }
  await expectExact(chain);
  const dead = await waitFor(() => {
    const rows = chain.hq
      .db()
      .query<{ storeId: string | null; reason: string; message: string }, []>(
        "SELECT store_id AS storeId, reason, message FROM dead_letters ORDER BY id",
      )
      .all();
    return rows.length >= 5 ? rows : null;
  }, "five dead letters");
  expect(dead.map((d) => d.reason)).toEqual([
    "INVALID_JSON",
    "INVALID_EVENT",
    "HASH_MISMATCH",
    "TYPE_MISMATCH",
    "TYPE_MISMATCH",
  ]);
  expect(dead.every((d) => d.storeId === "S2")).toBe(true);
  expect(dead[1]?.message).toContain("payload.action");
  const stores = await chain.hq.json<{ stores: { storeId: string; deadLetters: number; lastSeq: number }[] }>(
    "/api/v1/stores",
  );
  expect(stores.stores.find((s) => s.storeId === "S2")?.deadLetters).toBe(5);
  expect(stores.stores.find((s) => s.storeId === "S1")?.deadLetters).toBe(0);
});

interface StoreRow {
  storeId: string;
  lastSeq: number;
  deadLetters: number;
  oldestDeadLetter: { id: number; seq: number | null; reason: string } | null;
  heldBack: number;
}

async function storeRow(storeId: string): Promise<StoreRow | undefined> {
  const { stores } = await chain.hq.json<{ stores: StoreRow[] }>("/api/v1/stores");
  return stores.find((s) => s.storeId === storeId);
}

/**
 * A fault at head office that an upgrade would fix, made real: a trigger in HQ's database
 * refuses every sale line of CHEESE (`ringSale(store, 3)` sells one; 0 and 1 do not).
 */
function refuseCheese(on: boolean): void {
  const db = new Database(join(chain.hq.dataDir, "hq.db"));
  try {
    db.exec("PRAGMA busy_timeout = 10000");
    db.exec(
      on
        ? `CREATE TRIGGER refuse_cheese BEFORE INSERT ON hq_sale_lines WHEN NEW.code = 'CHEESE'
           BEGIN SELECT RAISE(ABORT, 'no tax class 2 at head office'); END`
        : "DROP TRIGGER refuse_cheese",
    );
  } finally {
    db.close();
  }
}

/** Rings a sale HQ refuses and two after it, and waits until HQ holds the two back. */
async function deadLetterWithHeldBack(storeId: string): Promise<{ deadId: number; refusedSale: string }> {
  const store = chain.store(storeId);
  refuseCheese(true);
  const refusedSale = await ringSale(store, 3);
  await ringSale(store, 0);
  await ringSale(store, 1);
  const lastSeq = storeFacts(store).lastSeq;
  const row = await waitFor(async () => {
    const r = await storeRow(storeId);
    return r && r.deadLetters === 1 && r.lastSeq + 1 + r.heldBack === lastSeq ? r : null;
  }, "a dead letter holding back the later events");
  expect(row.oldestDeadLetter?.reason).toBe("APPLY_FAILED");
  expect(row.oldestDeadLetter?.seq).toBe(row.lastSeq + 1);
  expect(row.heldBack).toBeGreaterThanOrEqual(2);
  // Raised at once in the metrics too.
  const metrics = await (await fetch(`${chain.hq.url}/metrics`)).text();
  expect(metrics).toContain(`ringup_store_dead_letters{tenant="default",store="${storeId}"} 1\n`);
  expect(metrics).toContain(
    `ringup_store_held_back_events{tenant="default",store="${storeId}"} ${row.heldBack}\n`,
  );
  // Nothing after the refused event is applied: the chain keeps its order.
  const atHq = chain.hq
    .db()
    .query<{ n: number }, [string]>("SELECT count(*) AS n FROM hq_sales WHERE id = ?1")
    .get(refusedSale);
  expect(atHq?.n).toBe(0);
  // The store stops, so only the operator's action moves the chain on.
  await store.stop();
  return { deadId: row.oldestDeadLetter?.id ?? 0, refusedSale };
}

function hqCli(args: string[]) {
  return runRingup(["hq", "dead-letters", ...args, "--server", chain.hq.url], {
    RINGUP_TOKEN: chain.hq.token,
  });
}

test("a store's event HQ cannot apply holds back the rest until retried after the fix", async () => {
  const store = await chain.addStore("S3");
  for (let i = 0; i < 3; i++) await ringSale(store, i);
  await waitConverged(chain);
  const { deadId } = await deadLetterWithHeldBack("S3");

  const listed = await hqCli(["list", "--store", "S3"]);
  expect(listed.code).toBe(0);
  expect(listed.stdout).toContain("APPLY_FAILED");
  expect(listed.stdout).toContain("no tax class 2 at head office");
  const shown = await hqCli(["show", String(deadId), "--json"]);
  expect(shown.code).toBe(0);
  const detail = JSON.parse(shown.stdout) as { payload: { type: string; storeId: string }; heldBack: number };
  expect(detail.payload).toMatchObject({ type: "sale.completed", storeId: "S3" });
  expect(detail.heldBack).toBeGreaterThanOrEqual(2);

  // Retried before the fix: refused again, nothing changes.
  const early = await hqCli(["retry", String(deadId)]);
  expect(early.code).toBe(1);
  expect(early.stderr).toContain("refused again");
  expect((await storeRow("S3"))?.deadLetters).toBe(1);

  refuseCheese(false);
  const retried = await hqCli(["retry", String(deadId)]);
  expect(retried.stderr).toBe("");
  expect(retried.code).toBe(0);
  expect(retried.stdout).toContain("applied");
  const facts = storeFacts(store);
  const after = await storeRow("S3");
  expect(after).toMatchObject({
    lastSeq: facts.lastSeq,
    deadLetters: 0,
    heldBack: 0,
    oldestDeadLetter: null,
  });
  const closed = chain.hq
    .db()
    .query<{ resolution: string; resolvedBy: string }, [number]>(
      "SELECT resolution, resolved_by AS resolvedBy FROM dead_letters WHERE id = ?1",
    )
    .get(deadId);
  expect(closed?.resolution).toBe("retried");
  expect(closed?.resolvedBy).toBeTruthy();
  expect((await hqCli(["retry", String(deadId)])).stderr).toContain("closed already");

  // The store comes back and sells on: every event once, HQ's figures equal the store's.
  await store.restart();
  await ringSale(store, 0);
  await expectExact(chain);
  expect((await hqCli(["list", "--store", "S3"])).stdout).toContain("no open dead letters");
});

test("a discarded dead letter is recorded with its reason, and the events after it follow", async () => {
  const store = await chain.addStore("S4");
  await ringSale(store, 0);
  await waitConverged(chain);
  const { deadId, refusedSale } = await deadLetterWithHeldBack("S4");
  const refusedNoReason = await hqCli(["discard", String(deadId)]);
  expect(refusedNoReason.code).not.toBe(0);
  expect(refusedNoReason.stderr).toContain("--reason");

  const discarded = await hqCli(["discard", String(deadId), "--reason", "sold in error; voided on paper"]);
  expect(discarded.stderr).toBe("");
  expect(discarded.code).toBe(0);
  expect(discarded.stdout).toContain("follow");
  refuseCheese(false);
  const facts = storeFacts(store);
  expect(await storeRow("S4")).toMatchObject({ lastSeq: facts.lastSeq, deadLetters: 0, heldBack: 0 });
  const hqDb = chain.hq.db();
  const row = hqDb
    .query<{ resolution: string; note: string }, [number]>(
      "SELECT resolution, note FROM dead_letters WHERE id = ?1",
    )
    .get(deadId);
  expect(row).toEqual({ resolution: "discarded", note: "sold in error; voided on paper" });
  // HQ keeps the event in its copy of the journal, unapplied; every other sale is there once.
  const saleIds = hqDb
    .query<{ id: string }, [string]>("SELECT id FROM hq_sales WHERE store_id = ?1 ORDER BY id")
    .all("S4")
    .map((r) => r.id);
  expect(saleIds).toEqual(facts.saleIds.filter((id) => id !== refusedSale));
  const events = hqDb
    .query<{ n: number }, [string]>("SELECT count(*) AS n FROM ingested_events WHERE store_id = ?1")
    .get("S4");
  expect(events?.n).toBe(facts.lastSeq);

  // The store comes back and sells on; head office follows it.
  await store.restart();
  await ringSale(store, 1);
  await waitFor(async () => (await storeRow("S4"))?.lastSeq === storeFacts(store).lastSeq, "S4 converged");
  expect((await storeRow("S4"))?.deadLetters).toBe(0);
});
