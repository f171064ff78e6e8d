/**
 * Services and staff commission rules at head office: defined, replaced, ended, and recorded in
 * the change log every store replicates from (the same definition again records nothing); bad
 * ones are refused precisely and change nothing.
 */
import { expect, test } from "bun:test";
import { changesAfter } from "../../src/hq/catalog/change-log.ts";
import { type TestHq, testHqPerTest } from "../support/hq-app.ts";

const newHq = testHqPerTest();
type ErrorBody = { error: { code: string; message: string } };

async function setUp(): Promise<{ hq: TestHq; ann: string }> {
  const hq = newHq();
  expect((await hq.request("POST", "/api/v1/categories", { id: "HAIR", name: "Hair" })).status).toBe(200);
  for (const product of [
    { code: "CUT", name: "Haircut", priceMinor: 3000, category: "HAIR" },
    { code: "CUT5", name: "5 haircuts", priceMinor: 13500 },
  ]) {
    expect((await hq.request("POST", "/api/v1/products", product)).status).toBeLessThan(300);
  }
  const user = await hq.request<{ id: string }>("POST", "/api/v1/users", {
    name: "Ann Stylist",
    role: "cashier",
    pin: "4821",
  });
  expect(user.status).toBe(201);
  return { hq, ann: user.body.id };
}

const logged = (hq: TestHq, kind: string) =>
  changesAfter(hq.ctx.db, 0)
    .filter((c) => c.kind === kind)
    .map((c) => [c.storeId, c.key, c.value]);

test("services and commission rules are kept, go to every store, are replaced and ended", async () => {
  const { hq, ann } = await setUp();
  const cut = { code: "CUT", kind: "service" as const, durationMin: 45, staffIds: [ann, ann] };
  const made = await hq.request("POST", "/api/v1/services", cut);
  expect(made.status).toBe(201);
  const cutValue = { ...cut, staffIds: [ann], serviceCode: null, visits: null };
  expect(made.body).toEqual(cutValue);
  const pack = { code: "CUT5", kind: "package" as const, serviceCode: "CUT", visits: 5 };
  expect((await hq.request("POST", "/api/v1/services", pack)).status).toBe(201);
  const seqBefore = changesAfter(hq.ctx.db, 0).at(-1)?.seq;
  // The same definition again: answered, nothing new sent down.
  expect((await hq.request("POST", "/api/v1/services", cut)).status).toBe(200);
  expect(changesAfter(hq.ctx.db, 0).at(-1)?.seq).toBe(seqBefore);
  const longer = await hq.request("POST", "/api/v1/services", { ...cut, durationMin: 60 });
  expect([longer.status, longer.body.durationMin]).toEqual([200, 60]);

  const rule = { id: "ann-cuts", staffId: ann, serviceCode: "CUT", percent: "12.5" };
  const added = await hq.request("POST", "/api/v1/commission-rules", rule);
  expect(added.status).toBe(201);
  const ruleValue = { ...rule, category: null, fixedMinor: null, active: true };
  expect(added.body).toEqual(ruleValue);
  const hair = { id: "hair", category: "HAIR", fixedMinor: 750 };
  expect((await hq.request("POST", "/api/v1/commission-rules", hair)).status).toBe(201);
  expect((await hq.request("POST", "/api/v1/commission-rules", { ...hair, percent: undefined })).status).toBe(
    200,
  );
  const ended = await hq.request("POST", "/api/v1/commission-rules", { ...hair, active: false });
  expect([ended.status, ended.body.active]).toEqual([200, false]);
  const listed = await hq.request<{ rules: unknown[] }>("GET", "/api/v1/commission-rules");
  expect(listed.body.rules).toEqual([ruleValue]);
  const all = await hq.request<{ rules: unknown[] }>("GET", "/api/v1/commission-rules?all=true");
  expect(all.body.rules).toHaveLength(2);
  const services = await hq.request<{ services: unknown[] }>(
    "GET",
    "/api/v1/services",
    undefined,
    hq.token("store:S1"),
  );
  expect(services.status).toBe(200);
  expect(services.body.services).toEqual([
    { ...cutValue, durationMin: 60 },
    { ...pack, durationMin: null, staffIds: [] },
  ]);

  // The log keeps each key's latest value, for every store.
  expect(logged(hq, "service")).toEqual([
    ["*", "CUT5", { ...pack, durationMin: null, staffIds: [] }],
    ["*", "CUT", { ...cutValue, durationMin: 60 }],
  ]);
  expect(logged(hq, "commission_rule")).toEqual([
    ["*", "ann-cuts", ruleValue],
    ["*", "hair", { ...hair, staffId: null, serviceCode: null, percent: null, active: false }],
  ]);
});

test("bad services and commission rules are refused precisely and change nothing", async () => {
  const { hq, ann } = await setUp();
  expect(
    (await hq.request("POST", "/api/v1/services", { code: "CUT", kind: "service", durationMin: 30 })).status,
  ).toBe(201);
  const before = changesAfter(hq.ctx.db, 0).length;
  const cases: [string, Record<string, unknown>, number, string][] = [
    ["/api/v1/services", { code: "NOPE", kind: "service", durationMin: 30 }, 404, "PRODUCT_NOT_FOUND"],
    [
      "/api/v1/services",
      { code: "CUT", kind: "service", durationMin: 30, staffIds: ["nobody"] },
      404,
      "STAFF_NOT_FOUND",
    ],
    [
      "/api/v1/services",
      { code: "CUT5", kind: "package", serviceCode: "NOPE", visits: 5 },
      404,
      "SERVICE_NOT_FOUND",
    ],
    ["/api/v1/services", { code: "CUT", kind: "service", durationMin: 2 }, 400, "INVALID_REQUEST"],
    ["/api/v1/commission-rules", { id: "neg", fixedMinor: -100 }, 400, "COMMISSION_NEGATIVE"],
    ["/api/v1/commission-rules", { id: "neg", percent: "-5" }, 400, "COMMISSION_NEGATIVE"],
    ["/api/v1/commission-rules", { id: "big", percent: "100.5" }, 400, "COMMISSION_PERCENT_OVER_100"],
    ["/api/v1/commission-rules", { id: "big", percent: "150" }, 400, "COMMISSION_PERCENT_OVER_100"],
    ["/api/v1/commission-rules", { id: "x", serviceCode: "NOPE", percent: "10" }, 404, "SERVICE_NOT_FOUND"],
    ["/api/v1/commission-rules", { id: "x", serviceCode: "CUT5", percent: "10" }, 404, "SERVICE_NOT_FOUND"],
    ["/api/v1/commission-rules", { id: "x", category: "NOPE", percent: "10" }, 404, "CATEGORY_NOT_FOUND"],
    ["/api/v1/commission-rules", { id: "x", staffId: "nobody", percent: "10" }, 404, "STAFF_NOT_FOUND"],
    ["/api/v1/commission-rules", { id: "x", percent: "10", fixedMinor: 5 }, 400, "INVALID_REQUEST"],
    [
      "/api/v1/commission-rules",
      { id: "x", serviceCode: "CUT", category: "HAIR", percent: "1" },
      400,
      "INVALID_REQUEST",
    ],
    ["/api/v1/commission-rules", { id: "x", percent: "ten" }, 400, "INVALID_REQUEST"],
  ];
  for (const [path, body, status, code] of cases) {
    const res = await hq.request<ErrorBody>("POST", path, body);
    expect([path, body, res.status, res.body.error?.code]).toEqual([path, body, status, code]);
  }
  expect(changesAfter(hq.ctx.db, 0)).toHaveLength(before);
  expect(
    (await hq.request<{ rules: unknown[] }>("GET", "/api/v1/commission-rules?all=true")).body.rules,
  ).toEqual([]);
  expect((await hq.request<{ services: unknown[] }>("GET", "/api/v1/services")).body.services).toHaveLength(
    1,
  );
  const store = await hq.request<ErrorBody>(
    "POST",
    "/api/v1/commission-rules",
    { id: "ok", staffId: ann, percent: "10" },
    hq.token("store:S1"),
  );
  expect(store.status).toBe(403);
});
