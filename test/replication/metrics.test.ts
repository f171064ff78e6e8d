/**
 * `GET /metrics` on a real store and head office after some sales: Prometheus text format,
 * requests by route template (1,000 distinct sale ids give one series), sales, outbox depth,
 * each store's applied sequence, dead letters and held-back events, disk free, database size.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { type Chain, ringSale, startChain, storeFacts, waitConverged } from "./support/chain.ts";

setDefaultTimeout(120_000);

let chain: Chain;
beforeAll(async () => {
  chain = await startChain({ storeIds: ["S1"] });
});
afterAll(async () => {
  await chain?.[Symbol.asyncDispose]();
});

/** Each sample of the text format: name with labels → value. */
function parse(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const at = line.lastIndexOf(" ");
    out.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return out;
}

async function scrape(url: string): Promise<{ type: string | null; samples: Map<string, number> }> {
  const res = await fetch(`${url}/metrics`);
  expect(res.status).toBe(200);
  return { type: res.headers.get("content-type"), samples: parse(await res.text()) };
}

test("store and head office serve their figures; request labels stay bounded", async () => {
  const store = chain.store("S1");
  for (let i = 0; i < 4; i++) await ringSale(store, i);
  await waitConverged(chain);
  for (let i = 0; i < 1000; i++) await store.api(`/api/v1/sales/${crypto.randomUUID()}`);

  const s = await scrape(store.url);
  expect(s.type).toBe("text/plain; version=0.0.4; charset=utf-8");
  expect(s.samples.get("ringup_sales_recorded_total")).toBe(4);
  expect(s.samples.get("ringup_journal_last_seq")).toBe(storeFacts(store).lastSeq);
  expect(s.samples.get("ringup_outbox_unpublished_events")).toBe(0);
  expect(s.samples.get("ringup_data_dir_free_bytes")).toBeGreaterThan(0);
  expect(s.samples.get("ringup_database_bytes")).toBeGreaterThan(0);
  const lookups = [...s.samples.keys()].filter(
    (k) =>
      k.startsWith("ringup_http_request_duration_seconds_count") && k.includes('route="/api/v1/sales/:id"'),
  );
  expect(lookups).toEqual([
    'ringup_http_request_duration_seconds_count{method="GET",route="/api/v1/sales/:id",status="404"}',
  ]);
  expect(s.samples.get(lookups[0] as string)).toBe(1000);
  const sales = [...s.samples.entries()]
    .filter(([k]) =>
      k.startsWith('ringup_http_request_duration_seconds_count{method="POST",route="/api/v1/sales",'),
    )
    .reduce((n, [, v]) => n + v, 0);
  expect(sales).toBeGreaterThanOrEqual(4);
  const series = [...s.samples.keys()].filter((k) =>
    k.startsWith("ringup_http_request_duration_seconds_count"),
  );
  expect(series.length).toBeLessThan(20);
  expect(series.some((k) => /[0-9a-f]{8}-[0-9a-f]{4}/.test(k))).toBe(false);

  const h = await scrape(chain.hq.url);
  expect(h.samples.get('ringup_store_applied_seq{tenant="default",store="S1"}')).toBe(
    storeFacts(store).lastSeq,
  );
  expect(h.samples.get('ringup_store_dead_letters{tenant="default",store="S1"}')).toBe(0);
  expect(h.samples.get('ringup_store_held_back_events{tenant="default",store="S1"}')).toBe(0);
  expect(h.samples.has('ringup_store_replication_lag_seconds{tenant="default",store="S1"}')).toBe(true);
  expect(h.samples.get("ringup_database_bytes")).toBeGreaterThan(0);
  expect(h.samples.get("ringup_data_dir_free_bytes")).toBeGreaterThan(0);
});
