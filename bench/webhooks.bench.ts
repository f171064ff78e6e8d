/**
 * Stock change to webhook delivered, on a real `ringup store` process and a local HTTP server
 * standing in for the web shop (test/support/web-shop.ts: it checks each signature and takes a
 * delivery once by its id). Each change is a one-line cash sale (`POST /sales`), which moves the
 * product's stock and so queues a `stock.changed` delivery; the time is from the sale's request
 * to the shop's receipt of the delivery for that product's new stock.
 * - cold: the first change after the store starts (each sample a fresh start);
 * - warm: changes paced at 200 per second for 10 seconds, over 200 products.
 */
import { uuidv7 } from "../src/core/ids.ts";
import { type StoreProcess, seedProducts, startStore } from "../test/support/store-process.ts";
import { startWebShop, type WebShop } from "../test/support/web-shop.ts";
import { type BenchCase, type BenchSuite, summarise } from "./harness.ts";

const SECRET = "bench-shop-secret-0123";
const PRODUCTS = 200;
const RATE = Number(process.env.RINGUP_BENCH_WEBHOOK_RATE ?? 200);
const SECONDS = Number(process.env.RINGUP_BENCH_WEBHOOK_SECONDS ?? 10);
const COLD_STARTS = 5;
const GOAL = "p99 < 1 s at 200/s";

const code = (i: number) => `W${String(i).padStart(3, "0")}`;

/** Sends when the sale leaves, keyed by the product's stock after it ("code:onHandMilli"). */
type Sent = Map<string, number>;

function sell(store: StoreProcess, product: number): Promise<Response> {
  return store.api("/api/v1/sales", {
    method: "POST",
    body: JSON.stringify({
      id: uuidv7(),
      tillId: "B1",
      lines: [{ code: code(product), qty: 1 }],
      tenders: [{ type: "cash", amountMinor: 1000 }],
    }),
  });
}

/** Latencies of the deliveries answering `sent`, once all have arrived (or a deadline passed). */
async function latencies(shop: WebShop, sent: Sent, from: number): Promise<number[]> {
  await shop.waitFor((s) => s.processed.length - from >= sent.size, 30_000);
  const out: number[] = [];
  for (const d of shop.processed.slice(from)) {
    const data = d.body.data as { code: string; onHandMilli: number };
    const t0 = sent.get(`${data.code}:${data.onHandMilli}`);
    if (t0 !== undefined) out.push(d.receivedAt - t0);
  }
  if (out.length !== sent.size)
    throw new Error(`${out.length} of ${sent.size} deliveries matched their change`);
  return out;
}

export default async function webhooksBench(): Promise<BenchSuite> {
  const shop = startWebShop({ secret: SECRET });
  const store = await startStore({ storeId: "S1" });
  await seedProducts(
    store,
    Array.from({ length: PRODUCTS }, (_, i) => ({
      code: code(i),
      name: `Bench ${i}`,
      priceMinor: 100,
      taxClass: null,
    })),
  );
  const added = await store.api("/api/v1/webhooks", {
    method: "POST",
    body: JSON.stringify({ url: shop.url, events: ["stock.changed"], secret: SECRET }),
  });
  if (added.status !== 201) throw new Error(`adding the webhook failed: ${await added.text()}`);
  /** Units sold per product so far: the stock after the next sale is −(sold + 1). */
  const sold = new Array<number>(PRODUCTS).fill(0);
  const change = async (product: number, sent: Sent) => {
    const count = (sold[product] ?? 0) + 1;
    sold[product] = count;
    const onHandMilli = -count * 1000;
    sent.set(`${code(product)}:${onHandMilli}`, performance.now());
    const res = await sell(store, product);
    if (res.status !== 201) throw new Error(`the sale failed: ${await res.text()}`);
  };

  const cases: BenchCase[] = [
    {
      name: "webhooks: cold (first change after start)",
      goal: "p99 < 1 s",
      measure: async () => {
        const samples: number[] = [];
        const start = performance.now();
        for (let i = 0; i < COLD_STARTS; i++) {
          await store.restart();
          const sent: Sent = new Map();
          const from = shop.processed.length;
          await change(i, sent);
          samples.push(...(await latencies(shop, sent, from)));
        }
        return summarise("webhooks: cold (first change after start)", samples, performance.now() - start);
      },
    },
    {
      name: `webhooks: warm (${RATE} changes/s for ${SECONDS} s)`,
      goal: GOAL,
      measure: async () => {
        const sent: Sent = new Map();
        const from = shop.processed.length;
        const total = RATE * SECONDS;
        const start = performance.now();
        const inFlight: Promise<void>[] = [];
        for (let i = 0; i < total; i++) {
          const due = start + (i * 1000) / RATE;
          const wait = due - performance.now();
          if (wait > 0) await Bun.sleep(wait);
          inFlight.push(change(i % PRODUCTS, sent));
        }
        await Promise.all(inFlight);
        const samples = await latencies(shop, sent, from);
        const result = summarise(
          `webhooks: warm (${RATE} changes/s for ${SECONDS} s)`,
          samples,
          performance.now() - start,
        );
        return { ...result, extra: { achievedPerSec: total / ((performance.now() - start) / 1000) } };
      },
    },
  ];
  return {
    cases,
    teardown: async () => {
      await store[Symbol.asyncDispose]();
      await shop[Symbol.asyncDispose]();
    },
  };
}
