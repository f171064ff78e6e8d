/**
 * `GET /archive`: the signed archive of closed days verifies with the store's public key and
 * holds the period's events, closures, sales and returns as rung; a period without its
 * closures, a reversed, too long or future range are refused and change nothing.
 */
import { describe, expect, test } from "bun:test";
import { statSync } from "node:fs";
import { join } from "node:path";
import { uuidv7 } from "../../src/core/ids.ts";
import { verifyArchive } from "../../src/shared/archive.ts";
import type { TestStore } from "../support/store-app.ts";
import { ok, testStore } from "./compliance-support.ts";

async function seed(): Promise<TestStore> {
  const s = testStore({ startAt: "2026-03-02T09:00:00.000Z" });
  await ok(s, "POST", "/api/v1/products", { code: "A", name: "Alpha", priceMinor: 1000 });
  for (const at of ["2026-03-02T10:00:00.000Z", "2026-03-03T10:00:00.000Z"]) {
    s.clock.set(at);
    await ok(s, "POST", "/api/v1/sales", {
      id: uuidv7(Date.parse(at)),
      tillId: "T1",
      at,
      lines: [{ code: "A" }],
      tenders: [{ type: "cash", amountMinor: 2000 }],
    });
  }
  s.clock.set("2026-03-04T09:00:00.000Z");
  return s;
}

async function archive(s: TestStore, from: string, to: string) {
  const res = await s.app.handle(
    new Request(`http://store/api/v1/archive?from=${from}&to=${to}`, {
      headers: { authorization: `Bearer ${s.adminToken}` },
    }),
  );
  return { status: res.status, text: await res.text() };
}

describe("archive export", () => {
  test("a closed period: signed, verified with the store's key, the key kept beside the database", async () => {
    const s = await seed();
    await ok(s, "POST", "/api/v1/closures", { type: "day", date: "2026-03-02" });
    const res = await archive(s, "2026-03-02", "2026-03-02");
    expect(res.status).toBe(200);
    const { publicKey } = await ok<{ publicKey: string }>(s, "GET", "/api/v1/archive/public-key");
    const checked = verifyArchive(new TextEncoder().encode(res.text), publicKey);
    expect(checked).toMatchObject({ ok: true, byKind: { closure: 1, sale: 1 } });
    // The day's events only: the sale of the 3rd is not in it.
    const refs = res.text
      .split("\n")
      .map((l) => (l.startsWith('{"n":') ? (JSON.parse(l) as { ref: string }).ref : null));
    expect(refs.filter((r) => r?.startsWith("sale "))).toEqual(["sale S1-T1-000001"]);
    expect(statSync(join(s.dir, "archive-signing.key")).mode & 0o777).toBe(0o600);
    const inDb = s.ctx.sqlite
      .query<{ n: number }, []>("SELECT count(*) AS n FROM meta WHERE value LIKE '%PRIVATE%'")
      .get();
    expect(inDb?.n).toBe(0);
  });

  test("a period with no closure, or a day of it not closed, is refused and names the days", async () => {
    const s = await seed();
    const none = await archive(s, "2026-03-01", "2026-03-03");
    expect(none.status).toBe(409);
    expect(JSON.parse(none.text)).toMatchObject({
      error: { code: "PERIOD_NOT_CLOSED", details: { missing: ["2026-03-02", "2026-03-03"] } },
    });
    await ok(s, "POST", "/api/v1/closures", { type: "day", date: "2026-03-02" });
    const partly = await archive(s, "2026-03-01", "2026-03-03");
    expect(partly.status).toBe(409);
    expect(partly.text).toContain("close 2026-03-03 first");
    const empty = await archive(s, "2026-02-01", "2026-02-28");
    expect(empty.status).toBe(409);
    expect(empty.text).toContain("has no closure");
    for (const [from, to] of [
      ["2026-03-03", "2026-03-02"],
      ["2024-01-01", "2026-03-02"],
      ["2026-03-02", "2026-03-05"],
      ["2026-03-02", "tomorrow"],
    ]) {
      expect((await archive(s, from as string, to as string)).status).toBe(400);
    }
  });
});
