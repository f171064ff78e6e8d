/**
 * Head office's dashboard lists every store's label scales as their stores last reported them:
 * whether each answered, how far it is programmed, its last sync and error, in the reader's
 * language.
 */
import { expect, test } from "bun:test";
import type { EventPayload, StoreEvent } from "../../src/core/events.ts";
import { uuidv7 } from "../../src/core/ids.ts";
import { ScaleHealthWriter } from "../../src/hq/ingest/apply-scales.ts";
import { createTestHq } from "../support/hq-app.ts";
import { insertStores } from "../support/hq-ingested.ts";

function reported(payload: EventPayload<"scale.health_reported">): StoreEvent {
  return {
    id: uuidv7(),
    storeId: "S1",
    seq: 1,
    type: "scale.health_reported",
    version: 1,
    at: payload.at,
    payload,
    prevHash: null,
    hash: "0".repeat(64),
  } as StoreEvent;
}

test("the dashboard shows each store's scales, partly programmed ones with their error", async () => {
  using hq = createTestHq();
  insertStores(hq, ["S1"]);
  new ScaleHealthWriter(hq.ctx.sqlite).apply(
    reported({
      scaleId: "deli-1",
      protocol: "ringup",
      reachable: false,
      state: null,
      lastSyncAt: null,
      plusSent: 2,
      plusTotal: 4,
      programming: "partial",
      error: { code: "SCALE_UNREACHABLE", message: "lost" },
      at: "2026-03-02T10:00:00.000Z",
    }),
  );
  const signIn = await hq.app.handle(
    new Request("http://localhost/console/sign-in", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: "ringup_lang=fr" },
      body: new URLSearchParams({ token: hq.adminToken }).toString(),
    }),
  );
  const session = (signIn.headers.get("set-cookie") ?? "").split(";", 1)[0] ?? "";
  const page = await (
    await hq.app.handle(
      new Request("http://localhost/", { headers: { cookie: `${session}; ringup_lang=fr` } }),
    )
  ).text();
  const table = /<table id="scales">[\s\S]*?<\/table>/.exec(page)?.[0] ?? "";
  expect(table).toContain("deli-1");
  expect(table).toContain("S1");
  expect(table).toContain("2/4");
  expect(table).toContain("en partie");
  expect(table).toContain("SCALE_UNREACHABLE");
  expect(page).toContain("Balances étiqueteuses");
});
