/**
 * The real `ringup store` process: open endpoints, authentication on every API route, hostile
 * bodies, graceful shutdown with requests in flight, and a restart on the same data dir.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pkg from "../../package.json" with { type: "json" };
import { uuidv7 } from "../../src/core/ids.ts";
import { type StoreProcess, seedProducts, startStore } from "../support/store-process.ts";

const PRODUCTS = [
  { code: "A1", name: "Apple", priceMinor: 199, taxClass: "1" },
  { code: "B2", name: "Bread", priceMinor: 349 },
];

function saleBody(id = uuidv7()) {
  return {
    id,
    tillId: "T1",
    lines: [
      { code: "A1", qty: 2 },
      { code: "B2", qty: 1 },
    ],
    tenders: [{ type: "cash", amountMinor: 2_000 }],
  };
}

/** Routes that are open by design: the PIN log-in that hands out a session token. */
const OPEN_BY_DESIGN = new Set(["POST /api/v1/sessions", "POST /api/v1/tills/pair"]);

interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
}

/** Every `/api/v1` operation the server documents, with path parameters filled in. */
function apiOperations(spec: OpenApi): { method: string; path: string }[] {
  const ops: { method: string; path: string }[] = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    if (!path.startsWith("/api/v1")) continue;
    const concrete = path.replace(/\{[^}]+\}|:[A-Za-z_]+/g, "0190f5e4-7c1a-7b3e-9d2f-3a4b5c6d7e8f");
    for (const method of Object.keys(methods)) {
      if (["get", "post", "put", "patch", "delete"].includes(method)) {
        ops.push({ method: method.toUpperCase(), path: concrete });
      }
    }
  }
  return ops;
}

describe("ringup store process: endpoints and hostile input", () => {
  let store: StoreProcess;

  beforeAll(async () => {
    store = await startStore();
    await seedProducts(store, PRODUCTS);
  }, 60_000);
  afterAll(async () => {
    await store?.[Symbol.asyncDispose]();
  });

  test("/health answers without a token in the contract's shape", async () => {
    const res = await fetch(`${store.url}/health`);
    expect(res.status).toBe(200);
    // The store's name too: a till shows it on its log-in screen before anyone has logged in.
    expect(await res.json()).toMatchObject({
      status: "ok",
      mode: "store",
      version: pkg.version,
      storeName: "Ringup store",
    });
  });

  test("/openapi.json answers without a token and documents the sales API", async () => {
    const res = await fetch(`${store.url}/openapi.json`);
    expect(res.status).toBe(200);
    const spec = (await res.json()) as OpenApi;
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(["/api/v1/sales", "/api/v1/products", "/api/v1/baskets/quote"]),
    );
  });

  test("every /api/v1 route answers 401 without a token or with a wrong one", async () => {
    const spec = (await (await fetch(`${store.url}/openapi.json`)).json()) as OpenApi;
    const ops = apiOperations(spec).filter((op) => !OPEN_BY_DESIGN.has(`${op.method} ${op.path}`));
    expect(ops.length).toBeGreaterThanOrEqual(5);
    const variants: Record<string, Record<string, string>> = {
      "no token": {},
      "wrong token": { authorization: "Bearer wrong-token-0123456789" },
      "admin token with one character changed": {
        authorization: `Bearer ${store.token.slice(0, -1)}${store.token.endsWith("x") ? "y" : "x"}`,
      },
      "not a bearer token": { authorization: `Basic ${btoa(`admin:${store.token}`)}` },
    };
    const failures: string[] = [];
    for (const op of ops) {
      for (const [variant, headers] of Object.entries(variants)) {
        const res = await fetch(`${store.url}${op.path}`, {
          method: op.method,
          headers: op.method === "GET" ? headers : { ...headers, "content-type": "application/json" },
          ...(op.method === "GET" ? {} : { body: "{}" }),
        });
        const body = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
        if (res.status !== 401 || body?.error?.code !== "UNAUTHORIZED") {
          failures.push(`${op.method} ${op.path} (${variant}): ${res.status} ${JSON.stringify(body)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 60_000);

  test("malformed JSON answers 400 MALFORMED_JSON", async () => {
    const res = await store.api("/api/v1/sales", { method: "POST", body: '{"id": "x", "lines": [' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("MALFORMED_JSON");
  });

  test("a body over the size limit answers 413 and the server keeps serving", async () => {
    const huge = JSON.stringify({ ...saleBody(), cashierId: "x".repeat(20 * 1024 * 1024) });
    const res = await store.api("/api/v1/sales", { method: "POST", body: huge });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("BODY_TOO_LARGE");
    expect((await fetch(`${store.url}/health`)).status).toBe(200);
  }, 60_000);

  test("huge strings within the size limit answer 400 with the field, and change nothing", async () => {
    // Under the 1 MiB body limit of an ordinary route.
    const big = "9".repeat(512 * 1024);
    const cases: { path: string; body: unknown; field: string }[] = [
      { path: "/api/v1/products", body: { code: "HUGE", name: big, priceMinor: 100 }, field: "name" },
      { path: "/api/v1/products", body: { code: big, name: "Huge", priceMinor: 100 }, field: "code" },
      { path: "/api/v1/sales", body: { ...saleBody(), tillId: big }, field: "tillId" },
      {
        path: "/api/v1/sales",
        body: { ...saleBody(), lines: [{ code: big, qty: 1 }] },
        field: "lines.0.code",
      },
      {
        path: "/api/v1/baskets/quote",
        body: { lines: Array.from({ length: 50_000 }, () => ({ code: "A1" })) },
        field: "lines",
      },
    ];
    for (const c of cases) {
      const res = await store.api(c.path, { method: "POST", body: JSON.stringify(c.body) });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; details: { path: string }[] } };
      expect(body.error.code).toBe("INVALID_REQUEST");
      expect(body.error.details.map((d) => d.path)).toContain(c.field);
    }
    expect((await store.api("/api/v1/products/HUGE")).status).toBe(404);
    const lookup = await store.api(`/api/v1/products/lookup?code=${"1".repeat(100_000)}`);
    expect(lookup.status).toBeGreaterThanOrEqual(400);
    expect(lookup.status).toBeLessThan(500);
  }, 60_000);
});

/** One keep-alive HTTP/1.1 connection driven by hand, to hold a request open across a signal. */
class RawConnection {
  #buffer = "";
  #waiters: (() => void)[] = [];
  #closed = false;

  private constructor(private readonly socket: Socket) {
    socket.setEncoding("utf8");
    socket.on("data", (data: string) => {
      this.#buffer += data;
      this.wake();
    });
    socket.on("close", () => {
      this.#closed = true;
      this.wake();
    });
    socket.on("error", () => {
      this.#closed = true;
      this.wake();
    });
  }

  static async open(url: string): Promise<RawConnection> {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("error", reject);
    });
    return new RawConnection(socket);
  }

  write(text: string): void {
    this.socket.write(text);
  }

  close(): void {
    this.socket.destroy();
  }

  private wake(): void {
    for (const w of this.#waiters.splice(0)) w();
  }

  private async more(): Promise<void> {
    if (this.#closed) throw new Error(`the connection closed; received so far: ${this.#buffer}`);
    await new Promise<void>((resolve) => this.#waiters.push(resolve));
  }

  /** The next response head's status line, without consuming a body (for 100 Continue). */
  async interim(): Promise<number> {
    for (;;) {
      const end = this.#buffer.indexOf("\r\n\r\n");
      if (end >= 0) {
        const status = Number(this.#buffer.slice(0, end).split(" ")[1]);
        this.#buffer = this.#buffer.slice(end + 4);
        return status;
      }
      await this.more();
    }
  }

  /** The next complete response (status and body, by content-length). */
  async response(): Promise<{ status: number; body: string }> {
    for (;;) {
      const end = this.#buffer.indexOf("\r\n\r\n");
      if (end >= 0) {
        const head = this.#buffer.slice(0, end);
        const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
        if (Buffer.byteLength(this.#buffer.slice(end + 4)) >= length) {
          const rest = Buffer.from(this.#buffer.slice(end + 4));
          this.#buffer = rest.subarray(length).toString();
          return { status: Number(head.split(" ")[1]), body: rest.subarray(0, length).toString() };
        }
      }
      await this.more();
    }
  }
}

describe("ringup store process: shutdown and restart", () => {
  test("SIGTERM lets in-flight sales finish with 2xx, exits 0, and a restart keeps them", async () => {
    await using store = await startStore();
    await seedProducts(store, PRODUCTS);
    const host = new URL(store.url).host;
    const connections: RawConnection[] = [];
    try {
      // Open connections the server has certainly accepted (each answered a request).
      for (let i = 0; i < 6; i++) {
        const c = await RawConnection.open(store.url);
        connections.push(c);
        c.write(`GET /health HTTP/1.1\r\nhost: ${host}\r\n\r\n`);
        expect((await c.response()).status).toBe(200);
      }
      // Start a sale on each: headers only; the server acknowledges them with 100 Continue.
      const bodies = connections.map(() => JSON.stringify(saleBody()));
      connections.forEach((c, i) => {
        c.write(
          [
            "POST /api/v1/sales HTTP/1.1",
            `host: ${host}`,
            `authorization: Bearer ${store.token}`,
            "content-type: application/json",
            "expect: 100-continue",
            `content-length: ${Buffer.byteLength(bodies[i] ?? "")}`,
            "",
            "",
          ].join("\r\n"),
        );
      });
      for (const c of connections) expect(await c.interim()).toBe(100);

      store.proc.kill("SIGTERM");
      await store.waitForOutput("SIGTERM");
      connections.forEach((c, i) => {
        c.write(bodies[i] ?? "");
      });
      const answers = await Promise.all(connections.map((c) => c.response()));
      expect(answers.map((a) => a.status)).toEqual(connections.map(() => 201));
      expect(await store.proc.exited).toBe(0);

      const recorded = answers.map((a) => JSON.parse(a.body) as { id: string; receiptNo: string });
      await store.restart();
      for (const sale of recorded) {
        const res = await store.api(`/api/v1/sales/${sale.id}`);
        expect(res.status).toBe(200);
        expect(((await res.json()) as { receiptNo: string }).receiptNo).toBe(sale.receiptNo);
      }
      // Receipt numbering carries on after the restart.
      const next = await store.api("/api/v1/sales", { method: "POST", body: JSON.stringify(saleBody()) });
      expect(next.status).toBe(201);
      expect(((await next.json()) as { receiptNo: string }).receiptNo).toBe("S1-T1-000007");
      expect(await store.stop()).toBe(0);
    } finally {
      for (const c of connections) c.close();
    }
  }, 60_000);
});

describe("ringup store process without a configuration", () => {
  test("has no tax classes: it says so at start, and a taxed product is refused with what to do", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ringup-noconf-"));
    const empty = join(dir, "store.toml");
    await writeFile(empty, "");
    try {
      await using store = await startStore({ args: ["--config", empty] });
      expect(store.output).toContain("no tax classes are configured");
      const taxed = await store.api("/api/v1/products", {
        method: "POST",
        body: JSON.stringify({ code: "4011", name: "Bananas", priceMinor: 69, taxClass: "1" }),
      });
      expect(taxed.status).toBe(400);
      const body = (await taxed.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("UNKNOWN_TAX_CLASS");
      expect(body.error.message).toContain("[[taxClasses]]");
      const untaxed = await store.api("/api/v1/products", {
        method: "POST",
        body: JSON.stringify({ code: "4011", name: "Bananas", priceMinor: 69 }),
      });
      expect(untaxed.status).toBe(200);
      const quote = await store.api("/api/v1/baskets/quote", {
        method: "POST",
        body: JSON.stringify({ lines: [{ code: "4011", qty: 2 }] }),
      });
      expect(((await quote.json()) as { taxMinor: number; totalMinor: number }).taxMinor).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
