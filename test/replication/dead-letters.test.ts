/**
 * Bad input at head office: a message that is not JSON, an event that fails its schema, one
 * whose type differs from its subject's and one whose content does not match its hash are
 * not applied, are kept as dead letters with the reason, show in /stores, and never hold up
 * the events after them, of that store or any other.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { jetstream } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { uuidv7 } from "../../src/core/ids.ts";
import { auditEvent, type Chain, expectExact, ringSale, startChain, storeFacts } from "./support/chain.ts";
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
