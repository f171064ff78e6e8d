/**
 * The shop's own tenders at head office: defined, replaced, ended, and recorded in the change log
 * every store replicates from; a bad one is refused precisely and changes nothing.
 */
import { expect, test } from "bun:test";
import { changesAfter } from "../../src/hq/catalog/change-log.ts";
import { testHqPerTest } from "../support/hq-app.ts";

const newHq = testHqPerTest();
type ErrorBody = { error: { code: string; message: string } };

const voucher = { id: "voucher", name: "Paper voucher", changeAllowed: false, maxPerSaleMinor: 2000 };

test("a custom tender is kept, goes to every store, is replaced and ended", async () => {
  const hq = newHq();
  const created = await hq.request("POST", "/api/v1/tenders", voucher);
  expect(created.status).toBe(201);
  expect(created.body).toEqual({ ...voucher, opensDrawer: false, active: true });
  const replaced = await hq.request("POST", "/api/v1/tenders", {
    ...voucher,
    name: "Voucher",
    opensDrawer: true,
  });
  expect(replaced.status).toBe(200);
  expect(replaced.body).toMatchObject({ name: "Voucher", opensDrawer: true });
  const ended = await hq.request("POST", "/api/v1/tenders", { ...voucher, active: false });
  expect(ended.body).toMatchObject({ active: false });
  expect((await hq.request<{ tenders: unknown[] }>("GET", "/api/v1/tenders")).body.tenders).toEqual([]);
  expect(
    (await hq.request<{ tenders: unknown[] }>("GET", "/api/v1/tenders?all=true")).body.tenders,
  ).toHaveLength(1);
  const changes = changesAfter(hq.ctx.db, 0).filter((c) => c.kind === "tender");
  // The log keeps each key's latest value: a store replicating from scratch sees it ended.
  expect(changes.map((c) => [c.storeId, c.key, c.value])).toEqual([
    ["*", "voucher", { ...voucher, opensDrawer: false, active: false }],
  ]);
});

test("bad custom tenders are refused precisely and change nothing", async () => {
  const hq = newHq();
  for (const bad of [
    { ...voucher, id: "cash" },
    { ...voucher, id: "custom" },
    { ...voucher, id: "Bad Id" },
    { ...voucher, id: "a_very_long_tender_id_x" },
    { ...voucher, name: "" },
    { ...voucher, maxPerSaleMinor: 0 },
    { id: "voucher", name: "Voucher" },
    { ...voucher, extra: 1 },
  ]) {
    const res = await hq.request<ErrorBody>("POST", "/api/v1/tenders", bad);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("INVALID_REQUEST");
  }
  expect((await hq.request<{ tenders: unknown[] }>("GET", "/api/v1/tenders?all=true")).body.tenders).toEqual(
    [],
  );
  expect(changesAfter(hq.ctx.db, 0).filter((c) => c.kind === "tender")).toEqual([]);
  const store = await hq.request<ErrorBody>("POST", "/api/v1/tenders", voucher, hq.token("store:S1"));
  expect(store.status).toBe(403);
});
