/**
 * A real `ringup store` process on a fixed loopback port (so it can be stopped and restarted at
 * the same address) and till data layers opened on a temp dir against it, with a fetch that
 * records what the till sent. Everything is stopped and removed on dispose.
 *
 *   await using f = await tillFixture({ products: [...] });
 *   const till = await f.openTill();
 *   await till.login(CASHIER_PIN);
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { uuidv7 } from "../../../../src/core/ids.ts";
import { priceBasket, type Quote } from "../../../../src/core/pricing.ts";
import {
  createTillServices,
  type TillDataServices,
  type TillServicesOptions,
} from "../../../../src/till/data/index.ts";
import type { CompletedSale, TillLine } from "../../../../src/till/services.ts";
import { waitFor } from "../../../devices/support/wait.ts";
import {
  type ProductSeed,
  type StoreProcess,
  seedProducts,
  startStore,
} from "../../../support/store-process.ts";

export { waitFor };

export const TILL_ID = "T1";
export const CASHIER_PIN = "1234";
export const SUPERVISOR_PIN = "9999";

export interface SentRequest {
  method: string;
  path: string;
  /** The query string, e.g. "?since=5&limit=500". */
  query: string;
  /** The sale id of a POST /api/v1/sales. */
  saleId?: string;
  /** The HTTP status answered, or "error" when no answer came. */
  outcome?: number | "error";
}

export interface TillFixture extends AsyncDisposable {
  store: StoreProcess;
  server: string;
  tillDir: string;
  cashierId: string;
  supervisorId: string;
  /** Every request the tills of this fixture sent (answered or not). */
  sent: SentRequest[];
  openTill(options?: Partial<TillServicesOptions>): Promise<TillDataServices>;
  /** POST /api/v1/sales requests sent for a sale id. */
  postsOf(saleId: string): number;
  /** Sale ids in the order the store accepted them (2xx answers to POST /api/v1/sales). */
  accepted(): string[];
  /** The sales the store recorded in a wide window, as (id, receiptNo). */
  storeSales(): Promise<{ id: string; receiptNo: string }[]>;
}

function freePort(): number {
  const socket = Bun.listen({ hostname: "127.0.0.1", port: 0, socket: { data() {} } });
  const { port } = socket;
  socket.stop(true);
  return port;
}

async function addUser(store: StoreProcess, name: string, role: string, pin: string): Promise<string> {
  const res = await store.api("/api/v1/users", { method: "POST", body: JSON.stringify({ name, role, pin }) });
  const body = (await res.json()) as { id?: string };
  if (res.status !== 201 || !body.id)
    throw new Error(`adding ${name} failed: ${res.status} ${JSON.stringify(body)}`);
  return body.id;
}

export async function tillFixture(
  options: {
    products?: ProductSeed[];
    storeArgs?: string[];
    /** The store's data directory (kept on dispose), e.g. on a small tmpfs; default: a temp dir. */
    storeDataDir?: string;
    /** The network under the recording fetch (to cut it on purpose). */
    fetch?: typeof fetch;
  } = {},
): Promise<TillFixture> {
  const tillDir = await mkdtemp(join(tmpdir(), "ringup-till-"));
  const port = freePort();
  const tills: TillDataServices[] = [];
  let store: StoreProcess | undefined;
  const dispose = async () => {
    await Promise.allSettled(tills.map((t) => t.close()));
    if (store) await store[Symbol.asyncDispose]();
    await rm(tillDir, { recursive: true, force: true });
  };
  try {
    store = await startStore({
      args: ["--port", String(port), ...(options.storeArgs ?? [])],
      ...(options.storeDataDir === undefined ? {} : { dataDir: options.storeDataDir }),
    });
    const started = store;
    if (options.products?.length) await seedProducts(started, options.products);
    seeded = new Map((options.products ?? []).map((p) => [p.code, p]));
    const cashierId = await addUser(started, "Ann Cashier", "cashier", CASHIER_PIN);
    const supervisorId = await addUser(started, "Sam Supervisor", "supervisor", SUPERVISOR_PIN);
    const sent: SentRequest[] = [];
    const recordingFetch = (async (input: string | URL | Request, init?: RequestInit) => {
      const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
      const entry: SentRequest = { method: init?.method ?? "GET", path: url.pathname, query: url.search };
      if (entry.method === "POST" && url.pathname === "/api/v1/sales" && typeof init?.body === "string") {
        entry.saleId = (JSON.parse(init.body) as { id: string }).id;
      }
      sent.push(entry);
      try {
        const res = await (options.fetch ?? fetch)(input, init);
        entry.outcome = res.status;
        return res;
      } catch (err) {
        entry.outcome = "error";
        throw err;
      }
    }) as typeof fetch;
    const server = `http://127.0.0.1:${port}`;
    return {
      store: started,
      server,
      tillDir,
      cashierId,
      supervisorId,
      sent,
      async openTill(overrides = {}) {
        const till = await createTillServices({
          server,
          tillId: TILL_ID,
          dataDir: tillDir,
          fetch: recordingFetch,
          syncIntervalMs: 60_000,
          requestTimeoutMs: 3_000,
          ...overrides,
        });
        tills.push(till);
        return till;
      },
      postsOf: (saleId) => sent.filter((s) => s.saleId === saleId).length,
      accepted: () =>
        sent
          .filter((s) => s.saleId !== undefined && typeof s.outcome === "number" && s.outcome < 300)
          .map((s) => s.saleId ?? ""),
      async storeSales() {
        const from = "2000-01-01T00:00:00.000Z";
        const to = "2100-01-01T00:00:00.000Z";
        const res = await started.api(`/api/v1/sales?from=${from}&to=${to}&limit=10000`);
        if (!res.ok) throw new Error(`listing sales failed: ${res.status} ${await res.text()}`);
        return ((await res.json()) as { sales: { id: string; receiptNo: string }[] }).sales;
      },
      [Symbol.asyncDispose]: dispose,
    };
  } catch (err) {
    await dispose();
    throw err;
  }
}

/** The products the latest fixture seeded, for pricing sales before the till has synced them. */
let seeded = new Map<string, ProductSeed>();

/** Prices lines as the till's screens would: its catalog copy, or the seeded product. */
function priceLines(till: TillDataServices, lines: TillLine[]): Quote {
  return priceBasket(
    {
      lines: lines.map((line) => {
        let product: { code: string; name: string; priceMinor: number; taxClass: string | null };
        try {
          product = till.lookup(line.code).product;
        } catch {
          const seed = seeded.get(line.code);
          if (!seed) throw new Error(`${line.code} is neither in the till's catalog nor seeded`);
          product = {
            code: seed.code,
            name: seed.name,
            priceMinor: seed.priceMinor,
            taxClass: seed.taxClass ?? null,
          };
        }
        return {
          code: product.code,
          name: product.name,
          qtyMilli: line.qtyMilli,
          unitPriceMinor: line.unitPriceMinor ?? product.priceMinor,
          taxClass: product.taxClass,
          ...(line.discount ? { discount: line.discount } : {}),
        };
      }),
    },
    till.settings(),
  );
}

/** A completed cash sale as the till's screens would hand it over, priced as the till prices it. */
export function cashSale(
  till: TillDataServices,
  cashierId: string,
  lines: TillLine[],
  cashMinor: number,
  at = new Date(),
): CompletedSale {
  return {
    id: uuidv7(),
    tillId: TILL_ID,
    cashierId,
    at: at.toISOString(),
    receiptNo: till.nextReceiptNo(),
    lines,
    tenders: [{ type: "cash", amountMinor: cashMinor }],
    audit: [],
    quote: priceLines(till, lines),
    changeMinor: 0,
    cashRoundingMinor: 0,
  };
}
