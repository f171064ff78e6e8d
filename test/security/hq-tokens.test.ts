/**
 * Head office: tokens are listed and revoked (they used to live for ever), a new bootstrap
 * token revokes the previous one, and a store's token reads another store's sale only as a
 * return needs it: one at a time, without cashier or customer, a bounded number an hour.
 */
import { describe, expect, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { hqSales } from "../../schema/hq.ts";
import { createTestHq } from "../support/hq-app.ts";
import { insertSale, insertStores } from "../support/hq-ingested.ts";
import { startHq } from "../support/hq-process.ts";
import { randomToken } from "../support/store-process.ts";
import { bearer, ringup, secretFile } from "./support.ts";

/** Look-ups of other stores' sales a store's token may make in an hour (docs/hq.md). */
const FOREIGN_LOOKUPS_PER_HOUR = 60;

describe("head office tokens", () => {
  test("a made token is listed by id, never shown, and stops working once revoked", async () => {
    await using hq = await startHq();
    const api = (path: string, token: string, init: RequestInit = {}) =>
      fetch(`${hq.url}/api/v1${path}`, {
        ...init,
        headers: { ...bearer(token), "content-type": "application/json" },
      });
    const made = (await (
      await api("/tokens", hq.token, {
        method: "POST",
        body: JSON.stringify({ name: "reports", scopes: ["reports:read"] }),
      })
    ).json()) as { token: string };
    expect((await api("/stores", made.token)).status).toBe(200);

    const tokenFile = await secretFile(hq.token);
    const listed = await ringup([
      "admin",
      "--server",
      hq.url,
      "--token-file",
      tokenFile,
      "token",
      "list",
      "--json",
    ]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).not.toContain(made.token);
    expect(listed.stdout).not.toContain(hq.token);
    const tokens = (
      JSON.parse(listed.stdout) as { tokens: { id: string; name: string; lastUsedAt: string | null }[] }
    ).tokens;
    const reports = tokens.find((t) => t.name === "reports");
    expect(reports?.lastUsedAt).not.toBeNull();

    const revoked = await ringup([
      "admin",
      "--server",
      hq.url,
      "--token-file",
      tokenFile,
      "token",
      "revoke",
      reports?.id ?? "?",
    ]);
    expect(revoked.code).toBe(0);
    expect((await api("/stores", made.token)).status).toBe(401);
    // The bootstrap token's name is reserved.
    const reserved = await api("/tokens", hq.token, {
      method: "POST",
      body: JSON.stringify({ name: "admin", scopes: ["admin"] }),
    });
    expect(reserved.status).toBe(400);
  });

  test("a new bootstrap token revokes the previous one", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "ringup-hq-rotate-"));
    try {
      const [a, b] = [randomToken(), randomToken()];
      {
        await using hq = await startHq({ dataDir, token: a });
        expect((await fetch(`${hq.url}/api/v1/tokens`, { headers: bearer(a) })).status).toBe(200);
      }
      await using hq = await startHq({ dataDir, token: b });
      expect((await fetch(`${hq.url}/api/v1/tokens`, { headers: bearer(b) })).status).toBe(200);
      expect((await fetch(`${hq.url}/api/v1/tokens`, { headers: bearer(a) })).status).toBe(401);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe("a store's token at head office", () => {
  const doc = (storeId: string, n: number) => ({
    storeId,
    receiptNo: `${storeId}-T1-${String(n).padStart(6, "0")}`,
    at: "2026-03-02T15:00:00.000Z",
    day: "2026-03-02",
    lines: [
      ["A", "D1", 1000, 500, 500, 0, 0, 500] as [
        string,
        string,
        number,
        number,
        number,
        number,
        number,
        number,
      ],
    ],
    tenders: [["cash", 500] as [string, number]],
    taxes: [],
    subtotal: 500,
    discount: 0,
    tax: 0,
    total: 500,
  });

  test("reads another store's sale without cashier or customer, and cannot walk receipt numbers", async () => {
    using hq = createTestHq();
    insertStores(hq, ["S1", "S2"]);
    const saleId = insertSale(hq, doc("S1", 1));
    hq.ctx.db.update(hqSales).set({ customerId: "cust-42" }).where(eq(hqSales.id, saleId)).run();
    insertSale(hq, doc("S2", 1));
    const s2 = hq.token("store:S2");

    const full = await hq.request("GET", `/api/v1/sales/${saleId}`);
    expect(full.body).toMatchObject({ cashierId: "ann", customerId: "cust-42" });

    const seen = await hq.request("GET", "/api/v1/sales/S1-T1-000001", undefined, s2);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ id: saleId, receiptNo: "S1-T1-000001" });
    expect(seen.body).not.toHaveProperty("cashierId");
    expect(seen.body).not.toHaveProperty("customerId");
    // Its own sales are its own, whole and not counted.
    for (let i = 0; i < 3; i += 1) {
      expect((await hq.request("GET", "/api/v1/sales/S2-T1-000001", undefined, s2)).body).toHaveProperty(
        "cashierId",
      );
    }

    // Walking: found or not, at most FOREIGN_LOOKUPS_PER_HOUR an hour.
    let status = 0;
    let asked = 1;
    for (; asked < FOREIGN_LOOKUPS_PER_HOUR + 5 && status !== 429; asked += 1) {
      status = (
        await hq.request("GET", `/api/v1/sales/S1-T1-${String(asked + 1).padStart(6, "0")}`, undefined, s2)
      ).status;
    }
    expect(status).toBe(429);
    expect(asked).toBe(FOREIGN_LOOKUPS_PER_HOUR + 1);
    // An hour later it may look again.
    hq.clock.advance(3_600_001);
    expect((await hq.request("GET", "/api/v1/sales/S1-T1-000001", undefined, s2)).status).toBe(200);
    // A reports token is not limited.
    const reports = hq.token("reports:read");
    expect((await hq.request("GET", "/api/v1/sales/S1-T1-000001", undefined, reports)).body).toHaveProperty(
      "customerId",
    );
  });
});
