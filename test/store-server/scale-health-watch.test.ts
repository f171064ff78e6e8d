/**
 * The store looks at its label scales by itself every `scaleHealthMinutes`: a scale that stops
 * answering is journaled (`scale.health_reported`, for head office) without anyone syncing or
 * asking, once per change; the sync and the health view share what the scales acknowledged.
 */
import { afterEach, expect, test } from "bun:test";
import { openLabelScale } from "../../src/devices/label-scale/ringup-line-scale.ts";
import { SimulatedLabelScale } from "../../src/devices/label-scale/simulated-label-scale.ts";
import { ScaleHealthWatch } from "../../src/store-server/scales/health-watch.ts";
import { scaleServiceOf } from "../../src/store-server/scales/service.ts";
import { createTestStore, type TestStore } from "../support/store-app.ts";

let store: TestStore;
let scale: SimulatedLabelScale;

afterEach(async () => {
  store.close();
  await scale.close();
});

function reports(): { reachable: boolean; programming: string; error: { code: string } | null }[] {
  return store.ctx.sqlite
    .query<{ payload: string }, []>(
      "SELECT payload FROM events WHERE type = 'scale.health_reported' ORDER BY seq",
    )
    .all()
    .map((r) => JSON.parse(r.payload));
}

test("a scale that stops answering is reported by the store's own look, once", async () => {
  scale = new SimulatedLabelScale();
  const uri = await scale.listen();
  store = createTestStore({
    settings: { currency: "USD", scaleHealthMinutes: 5, scales: [{ id: "deli-1", uri, protocol: "ringup" }] },
  });
  store.ctx.labelScales = openLabelScale;
  await store.request("POST", "/api/v1/products", {
    code: "101",
    name: "Ham",
    priceMinor: 1299,
    unit: "kg",
    soldByWeight: true,
  });
  expect((await store.request("POST", "/api/v1/scales/sync", {})).status).toBe(200);
  const watch = new ScaleHealthWatch(scaleServiceOf(store.ctx));
  await watch.check();
  expect(reports().map((r) => [r.reachable, r.programming])).toEqual([[true, "complete"]]);

  await scale.close();
  await watch.check();
  await watch.check();
  const after = reports();
  expect(after).toHaveLength(2);
  expect(after[1]).toMatchObject({
    reachable: false,
    programming: "complete",
    error: { code: "SCALE_UNREACHABLE" },
  });
});

test("scaleHealthMinutes must be a whole number of minutes from 0 (off) to a day", () => {
  scale = new SimulatedLabelScale();
  expect(() => createTestStore({ settings: { currency: "USD", scaleHealthMinutes: -1 } })).toThrow();
  store = createTestStore({ settings: { currency: "USD" } });
  expect(store.ctx.settings.scaleHealthMinutes).toBe(5);
});
