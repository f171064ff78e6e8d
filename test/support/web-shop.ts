/**
 * A local HTTP server standing in for a web shop: it receives the store's webhooks, checks each
 * signature (`Ringup-Signature`: hex HMAC-SHA256 of the body with the secret), and processes a
 * delivery once by its id (`Ringup-Delivery`) however often it is posted. It can refuse a
 * delivery's first attempts, or every delivery, to exercise retries and parking.
 *
 *   await using shop = startWebShop({ secret });
 *   … shop.url …, await shop.waitFor((s) => s.processed.length >= 3);
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export interface Delivery {
  id: string;
  event: string;
  body: { id: string; event: string; storeId: string; at: string; data: Record<string, unknown> };
  /** When the shop took it (performance.now()). */
  receivedAt: number;
}

export interface WebShopOptions {
  secret: string;
  /** Refuse (503) the first N attempts of every delivery. */
  failFirst?: number;
  /** Refuse every delivery (the endpoint is down). */
  alwaysFail?: boolean;
}

export interface WebShop extends AsyncDisposable {
  url: string;
  /** Deliveries processed, once each, in the order taken. */
  processed: Delivery[];
  /** Posts received, repeats and refusals included. */
  attempts: number;
  /** Repeats of a delivery already processed (answered 200, not processed again). */
  repeats: number;
  badSignatures: number;
  waitFor(done: (shop: WebShop) => boolean, timeoutMs?: number): Promise<void>;
}

export function startWebShop(options: WebShopOptions): WebShop {
  const seen = new Set<string>();
  const tries = new Map<string, number>();
  const shop: WebShop = {
    url: "",
    processed: [],
    attempts: 0,
    repeats: 0,
    badSignatures: 0,
    async waitFor(done, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (!done(shop)) {
        if (Date.now() > deadline) {
          throw new Error(`web shop: not done in ${timeoutMs} ms (${shop.processed.length} processed)`);
        }
        await Bun.sleep(10);
      }
    },
    async [Symbol.asyncDispose]() {
      await server.stop(true);
    },
  };
  const server = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    async fetch(request) {
      const text = await request.text();
      shop.attempts += 1;
      const id = request.headers.get("ringup-delivery") ?? "";
      const given = Buffer.from(request.headers.get("ringup-signature") ?? "", "hex");
      const wanted = createHmac("sha256", options.secret).update(text).digest();
      if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
        shop.badSignatures += 1;
        return new Response("bad signature", { status: 401 });
      }
      if (options.alwaysFail) return new Response("down", { status: 500 });
      const tried = (tries.get(id) ?? 0) + 1;
      tries.set(id, tried);
      if (tried <= (options.failFirst ?? 0)) return new Response("busy", { status: 503 });
      if (seen.has(id)) {
        shop.repeats += 1;
        return new Response("seen", { status: 200 });
      }
      seen.add(id);
      const body = JSON.parse(text) as Delivery["body"];
      shop.processed.push({
        id,
        event: request.headers.get("ringup-event") ?? "",
        body,
        receivedAt: performance.now(),
      });
      return new Response("ok", { status: 200 });
    },
  });
  shop.url = `http://127.0.0.1:${server.port}/hook`;
  return shop;
}
