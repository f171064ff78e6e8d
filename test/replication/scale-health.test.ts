/**
 * Label scale health at head office, on real processes (nats-server, head office, a store) and a
 * simulated scale on a loopback port: each sync's outcome reaches head office through the store's
 * journal, and `GET /api/v1/stores/:id/scales` shows whether the scale answered, its last sync,
 * how far it is programmed (partly, when the link was lost halfway) and the last error.
 */
import { expect, test } from "bun:test";
import { SimulatedLabelScale } from "../../src/devices/label-scale/simulated-label-scale.ts";
import { seedProducts } from "../support/store-process.ts";
import { startChain } from "./support/chain.ts";
import { waitFor } from "./support/wait.ts";

type Json = Record<string, unknown>;

test("a store's scale health reaches head office: partly programmed, then complete", async () => {
  await using scale = Object.assign(new SimulatedLabelScale({ dropAfter: 1 }), {
    async [Symbol.asyncDispose]() {
      await scale.close();
    },
  });
  const uri = await scale.listen();
  await using chain = await startChain({ storeIds: [] });
  const store = await chain.addStore("S1", {
    settings: { scales: [{ id: "deli-1", uri, protocol: "ringup" }] },
  });
  await seedProducts(store, [
    { code: "201", name: "Ham", priceMinor: 1299, unit: "kg", soldByWeight: true },
    { code: "202", name: "Salami", priceMinor: 2450, unit: "kg", soldByWeight: true },
  ]);
  // The store has its settings from head office once they have come down.
  await waitFor(async () => {
    const res = await store.api("/api/v1/scales");
    return res.status === 200 && ((await res.json()) as { scales: Json[] }).scales.length === 1;
  }, "the scale in the store's settings");
  const sync = () => store.api("/api/v1/scales/sync", { method: "POST", body: "{}" });
  const atHq = (want: (scale: Json) => boolean, what: string) =>
    waitFor(async () => {
      const res = await chain.hq.api("/api/v1/stores/S1/scales");
      if (res.status !== 200) return null;
      const body = (await res.json()) as { storeId: string; scales: Json[] };
      const found = body.scales.find((s) => s.id === "deli-1");
      return found !== undefined && want(found) ? body : null;
    }, what);

  expect((await sync()).status).toBe(503);
  const partial = await atHq(
    (s) => s.programming === "partial",
    "the partly programmed scale at head office",
  );
  expect(partial.storeId).toBe("S1");
  expect(partial.scales[0]).toMatchObject({
    id: "deli-1",
    protocol: "ringup",
    plusSent: 1,
    plusTotal: 2,
    programming: "partial",
    lastSyncAt: null,
    error: { code: "SCALE_UNREACHABLE" },
  });
  expect(typeof partial.scales[0]?.reportedAt).toBe("string");

  scale.heal();
  expect((await sync()).status).toBe(200);
  const complete = await atHq((s) => s.programming === "complete", "the programmed scale at head office");
  expect(complete.scales[0]).toMatchObject({
    reachable: true,
    state: "ready",
    plusSent: 2,
    plusTotal: 2,
    error: null,
  });
  expect(typeof complete.scales[0]?.lastSyncAt).toBe("string");

  const chainWide = await chain.hq.api("/api/v1/scales");
  expect(chainWide.status).toBe(200);
  expect(((await chainWide.json()) as { scales: Json[] }).scales).toEqual([
    expect.objectContaining({ storeId: "S1", id: "deli-1", programming: "complete" }),
  ]);
  const unknown = await chain.hq.api("/api/v1/stores/NOPE/scales");
  expect(unknown.status).toBe(404);
}, 120_000);
