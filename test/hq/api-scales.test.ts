/**
 * Label scales at head office: the latest report per store and scale is kept (a late, older
 * report does not replace it), one store's scales are read by head office's readers or by that
 * store's own token, and the chain-wide view needs `reports:read`.
 */
import { expect, test } from "bun:test";
import type { EventPayload, StoreEvent } from "../../src/core/events.ts";
import { uuidv7 } from "../../src/core/ids.ts";
import { ScaleHealthWriter } from "../../src/hq/ingest/apply-scales.ts";
import { testHqPerTest } from "../support/hq-app.ts";
import { insertStores } from "../support/hq-ingested.ts";

const makeHq = testHqPerTest();

function report(
  storeId: string,
  at: string,
  health: Partial<EventPayload<"scale.health_reported">>,
): StoreEvent {
  const payload: EventPayload<"scale.health_reported"> = {
    scaleId: "deli-1",
    protocol: "ringup",
    reachable: true,
    state: "ready",
    lastSyncAt: null,
    plusSent: 0,
    plusTotal: 4,
    programming: "none",
    error: null,
    at,
    ...health,
  };
  return {
    id: uuidv7(),
    storeId,
    seq: 1,
    type: "scale.health_reported",
    version: 1,
    at,
    payload,
    prevHash: null,
    hash: "0".repeat(64),
  } as StoreEvent;
}

test("the latest report per scale is kept, and each store reads only its own", async () => {
  const hq = makeHq();
  insertStores(hq, ["S1", "S2"]);
  const writer = new ScaleHealthWriter(hq.ctx.sqlite);
  writer.apply(
    report("S1", "2026-03-02T10:00:00.000Z", {
      plusSent: 2,
      programming: "partial",
      error: { code: "SCALE_UNREACHABLE", message: "lost" },
    }),
  );
  writer.apply(
    report("S1", "2026-03-02T11:00:00.000Z", {
      plusSent: 4,
      programming: "complete",
      lastSyncAt: "2026-03-02T11:00:00.000Z",
    }),
  );
  writer.apply(report("S1", "2026-03-02T09:00:00.000Z", { reachable: false, state: null }));
  writer.apply(
    report("S2", "2026-03-02T11:30:00.000Z", { scaleId: "meat-2", reachable: false, state: null }),
  );

  const s1 = await hq.request("GET", "/api/v1/stores/S1/scales");
  expect(s1.status).toBe(200);
  expect(s1.body).toEqual({
    storeId: "S1",
    scales: [
      {
        storeId: "S1",
        id: "deli-1",
        protocol: "ringup",
        reachable: true,
        state: "ready",
        lastSyncAt: "2026-03-02T11:00:00.000Z",
        plusSent: 4,
        plusTotal: 4,
        programming: "complete",
        error: null,
        reportedAt: "2026-03-02T11:00:00.000Z",
      },
    ],
  });

  const storeToken = hq.token("store:S1");
  expect((await hq.request("GET", "/api/v1/stores/S1/scales", undefined, storeToken)).status).toBe(200);
  expect((await hq.request("GET", "/api/v1/stores/S2/scales", undefined, storeToken)).status).toBe(403);
  expect((await hq.request("GET", "/api/v1/scales", undefined, storeToken)).status).toBe(403);
  expect((await hq.request("GET", "/api/v1/scales", undefined, null)).status).toBe(401);

  const all = await hq.request<{ scales: { storeId: string; id: string }[] }>(
    "GET",
    "/api/v1/scales",
    undefined,
    hq.token("reports:read"),
  );
  expect(all.status).toBe(200);
  expect(all.body.scales.map((s) => `${s.storeId}/${s.id}`)).toEqual(["S1/deli-1", "S2/meat-2"]);

  const unknown = await hq.request("GET", "/api/v1/stores/NOPE/scales");
  expect(unknown.status).toBe(404);
  expect(unknown.body.error).toMatchObject({ code: "UNKNOWN_STORE" });
});
