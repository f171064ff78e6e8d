/**
 * A till's sale as rung is the record: the store checks that the document adds up and records
 * it exactly as rung, turning every difference from its catalog into a price exception; the till
 * and cashier come from the session (or the session proof the sale carries); approvals are proven.
 */

import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { uuidv7 } from "../../src/core/ids.ts";
import { addUser, createTestStore, type JsonObject, type TestStore } from "../support/store-app.ts";
import { API, seedCatalog, snapshot } from "./sales-fixtures.ts";

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}
interface Quote extends JsonObject {
  lines: JsonObject[];
  totalMinor: number;
  cashDueMinor: number;
}
interface Sale extends JsonObject {
  id: string;
  tillId: string;
  cashierId: string | null;
  totalMinor: number;
  receiptNo: string;
  lines: { code: string; unitPriceMinor: number; taxMinor: number; totalMinor: number }[];
  exceptions?: { code: string; kind: string; rungMinor: number; catalogMinor: number | null }[];
}
interface Exception {
  saleId: string;
  code: string;
  kind: string;
  rungMinor: number;
  catalogMinor: number | null;
}

let store: TestStore;
let cashier: { id: string; token: string; proof: string };
beforeEach(async () => {
  store = createTestStore();
  await seedCatalog(store);
  cashier = await logIn("Ann", "cashier", "1111", "T1");
});
afterEach(() => store.close());

async function logIn(
  name: string,
  role: "cashier" | "supervisor" | "manager",
  pin: string,
  tillId: string,
  create = true,
): Promise<{ id: string; token: string; proof: string }> {
  if (create) await addUser(store, { name, role, pin });
  const res = await store.request<{ token: string; proof: string; user: { id: string } }>(
    "POST",
    `${API}/sessions`,
    { tillId, pin },
    null,
  );
  expect(res.status).toBe(201);
  expect(res.body.proof).toMatch(/^[\w-]+\.[\w-]+$/);
  return { id: res.body.user.id, token: res.body.token, proof: res.body.proof };
}

/** The document a till rings: priced as the store's catalog stands now (the till's copy of it). */
async function rung(lines: JsonObject[], extra: JsonObject = {}): Promise<JsonObject & Quote> {
  const quote = await store.request<Quote>("POST", `${API}/baskets/quote`, { lines });
  expect(quote.status).toBe(200);
  return {
    ...quote.body,
    asRung: true,
    id: uuidv7(),
    at: "2026-03-02T14:59:00.000Z",
    tenders: [{ type: "cash", amountMinor: quote.body.cashDueMinor }],
    ...extra,
  };
}

async function send(doc: JsonObject, token: string | undefined = cashier.token) {
  return store.request<Sale & ErrorBody>("POST", `${API}/sales`, doc, token);
}

async function exceptions(): Promise<Exception[]> {
  const res = await store.request<{ exceptions: Exception[] }>(
    "GET",
    `${API}/reports/exceptions?from=2026-03-02&to=2026-03-02`,
  );
  expect(res.status).toBe(200);
  return res.body.exceptions;
}

describe("a till's sale as rung", () => {
  test("a price changed after the till synced: recorded at the price the customer paid, listed as an exception", async () => {
    const doc = await rung([{ code: "A1", qty: 2 }, { code: "BREAD" }]);
    const put = await store.request<ErrorBody>("POST", `${API}/products`, {
      code: "A1",
      name: "Apple juice",
      priceMinor: 249,
    });
    expect(put.status).toBe(200);
    const res = await send(doc);
    expect(res.status).toBe(201);
    expect(res.body.totalMinor).toBe(doc.totalMinor);
    expect(res.body.lines[0]?.unitPriceMinor).toBe(199);
    const found = await exceptions();
    expect(found).toEqual([
      expect.objectContaining({
        saleId: doc.id,
        code: "A1",
        kind: "price",
        rungMinor: 199,
        catalogMinor: 249,
      }),
    ]);
    // The journal carries it to head office.
    const kinds = store.ctx.sqlite.query("SELECT type FROM events ORDER BY seq").all() as { type: string }[];
    expect(kinds.map((k) => k.type)).toContain("exception.recorded");
  });

  test("an offline sale made before a price change is no exception; one made after it is", async () => {
    // The catalog was seeded at 15:00; head office's new price reaches the store at 15:10.
    const before = await rung([{ code: "A1" }], { at: "2026-03-02T15:05:00.000Z" });
    const after = await rung([{ code: "A1" }], { at: "2026-03-02T15:20:00.000Z" });
    store.clock.set("2026-03-02T15:10:00.000Z");
    const put = await store.request("POST", `${API}/products`, {
      code: "A1",
      name: "Apple juice",
      priceMinor: 249,
    });
    expect(put.status).toBe(200);
    store.clock.set("2026-03-02T15:30:00.000Z");
    expect((await send(before)).status).toBe(201);
    expect((await send(after)).status).toBe(201);
    const found = await exceptions();
    expect(found.map((e) => `${e.saleId} ${e.kind} ${e.rungMinor} ${e.catalogMinor}`)).toEqual([
      `${String(after.id)} price 199 249`,
    ]);
  });

  test("a withdrawn product, a product the store does not know and a changed tax rate are recorded, not refused", async () => {
    const doc = await rung([{ code: "MILK" }, { code: "BREAD" }]);
    const lines = doc.lines as JsonObject[];
    // A product the till knew but the store never heard of (priced like BREAD, untaxed).
    const unknown = { ...lines[1], code: "NEW1", name: "New loaf" };
    const body = await rung([{ code: "MILK" }, { code: "BREAD" }, { code: "BREAD" }]);
    const bodyLines = body.lines as JsonObject[];
    bodyLines[2] = unknown;
    await store.request("POST", `${API}/products`, {
      code: "BREAD",
      name: "Bread",
      priceMinor: 275,
      active: false,
    });
    store.ctx.settings.taxClasses = [
      { id: "1", name: "Regular", rate: "10" },
      { id: "2", name: "Deli", rate: "8.875" },
    ];
    const res = await send(body);
    expect(res.status).toBe(201);
    expect(res.body.totalMinor).toBe(body.totalMinor);
    const kinds = (await exceptions()).map((e) => `${e.code}:${e.kind}`).sort();
    expect(kinds).toContain("NEW1:unknown");
    expect(kinds).toContain("MILK:tax");
  });

  test("a document that does not add up is refused with the difference, and changes nothing", async () => {
    const doc = await rung([{ code: "A1", qty: 3 }]);
    const before = snapshot(store);
    const res = await send({ ...doc, totalMinor: (doc.totalMinor as number) + 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("SALE_INCONSISTENT");
    expect(res.body.error.message).toContain("totalMinor");
    expect(snapshot(store)).toEqual(before);
  });

  test("tenders must cover the total as rung", async () => {
    const doc = await rung([{ code: "MILK" }]);
    const res = await send({ ...doc, tenders: [{ type: "card", amountMinor: 1 }] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("TENDER_SHORT");
  });

  test("a card tender keeps the terminal's authorisation code in the recorded sale; a bad one is refused", async () => {
    const base = await rung([{ code: "A1" }]);
    const doc = { ...base, tenders: [{ type: "card", amountMinor: base.totalMinor, ref: "A1B2C3" }] };
    const res = await send(doc);
    expect(res.status).toBe(201);
    expect(res.body.tenders).toEqual([{ type: "card", amountMinor: base.totalMinor, ref: "A1B2C3" }]);
    const got = await store.request<Sale>("GET", `${API}/sales/${String(base.id)}`);
    expect(got.body.tenders).toEqual([{ type: "card", amountMinor: base.totalMinor, ref: "A1B2C3" }]);
    for (const ref of ["", "x".repeat(41), "<script>"]) {
      const bad = await rung([{ code: "A1" }]);
      const refused = await send({ ...bad, tenders: [{ type: "card", amountMinor: bad.totalMinor, ref }] });
      expect(refused.status).toBe(400);
    }
  });

  test("a repeat with the same document answers the same sale; another document under the same id is a conflict", async () => {
    const doc = await rung([{ code: "MILK" }]);
    const first = await send(doc);
    expect(first.status).toBe(201);
    const again = await send(doc);
    expect(again.status).toBe(200);
    expect(again.body.receiptNo).toBe(first.body.receiptNo);
    const other = await send({ ...doc, tenders: [{ type: "card", amountMinor: doc.totalMinor }] });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe("SALE_ID_CONFLICT");
    expect(other.body.error.details).toEqual({ differs: ["tenders"] });
  });
});

describe("sale dates are bounded", () => {
  test("a till's sale dated in 2099, in 1970 or before the store opened is refused; a little clock skew is not", async () => {
    const before = snapshot(store);
    for (const at of ["2099-01-01T00:00:00.000Z", "1970-01-01T00:00:00.000Z", "2026-03-01T12:00:00.000Z"]) {
      const res = await send(await rung([{ code: "MILK" }], { at }));
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("SALE_DATE_INVALID");
    }
    expect(snapshot(store)).toEqual(before);
    // The store's clock reads 15:00; a till two minutes ahead is fine.
    const ahead = await send(await rung([{ code: "MILK" }], { at: "2026-03-02T15:02:00.000Z" }));
    expect(ahead.status).toBe(201);
  });

  test("an import with the admin token may carry older sales made elsewhere, not from 1970", async () => {
    const old = await send(
      await rung([{ code: "MILK" }], { at: "2025-01-15T10:00:00.000Z", tillId: "OLD" }),
      store.adminToken,
    );
    expect(old.status).toBe(201);
    const absurd = await send(
      await rung([{ code: "MILK" }], { at: "1970-01-01T00:00:00.000Z", tillId: "OLD" }),
      store.adminToken,
    );
    expect(absurd.status).toBe(400);
  });
});

describe("identity comes from the session", () => {
  test("the till and cashier are the session's", async () => {
    const res = await send(await rung([{ code: "MILK" }]));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ tillId: "T1", cashierId: cashier.id });
  });

  test("a cashier logged in at T1 cannot record a sale as T9 or as the manager", async () => {
    const managerId = await addUser(store, { name: "Meg", role: "manager", pin: "5555" });
    const before = snapshot(store);
    const asT9 = await send(await rung([{ code: "MILK" }], { tillId: "T9" }));
    expect(asT9.status).toBe(403);
    expect(asT9.body.error.code).toBe("IDENTITY_MISMATCH");
    const asManager = await send(await rung([{ code: "MILK" }], { cashierId: managerId }));
    expect(asManager.status).toBe(403);
    expect(asManager.body.error.code).toBe("IDENTITY_MISMATCH");
    const forged = await send(
      await rung([{ code: "MILK" }], { madeIn: `${cashier.proof.split(".")[0]}.AAAA` }),
    );
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe("PROOF_INVALID");
    expect(snapshot(store)).toEqual(before);
  });

  test("a sale made in one session and sent in the next stays the first cashier's", async () => {
    const doc = await rung([{ code: "MILK" }], { madeIn: cashier.proof, cashierId: cashier.id });
    const bob = await logIn("Bob", "cashier", "2222", "T1");
    const res = await send(doc, bob.token);
    expect(res.status).toBe(201);
    expect(res.body.cashierId).toBe(cashier.id);
    // A proof from another till does not make a sale of this one.
    const elsewhere = await logIn("Cy", "cashier", "3333", "T2");
    const crossed = await send(await rung([{ code: "MILK" }], { madeIn: elsewhere.proof }), bob.token);
    expect(crossed.status).toBe(403);
  });

  test("an admin token still records API sales with the till it names", async () => {
    const res = await send(await rung([{ code: "MILK" }], { tillId: "WEB" }), store.adminToken);
    expect(res.status).toBe(201);
    expect(res.body.tillId).toBe("WEB");
  });
});

describe("approvals are proven", () => {
  const override = (approvedBy: string, approval?: JsonObject): JsonObject => ({
    action: "price.overridden",
    at: "2026-03-02T14:58:00.000Z",
    approvedBy,
    ...(approval ? { approval } : {}),
    detail: { code: "MILK", fromMinor: 349, toMinor: 1 },
  });
  async function overridden(audit: JsonObject[]): Promise<JsonObject> {
    return rung([{ code: "MILK", unitPriceMinor: 1 }], { audit });
  }

  test("a made-up approver is refused, and nothing is recorded", async () => {
    const before = snapshot(store);
    const res = await send(await overridden([override("nobody")]));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("APPROVAL_UNPROVEN");
    expect(res.body.error.message).toContain("without proof");
    expect(snapshot(store)).toEqual(before);
  });

  test("a grant the store issued proves it once, for that till and action", async () => {
    const supervisorId = await addUser(store, { name: "Sam", role: "supervisor", pin: "9999" });
    const grant = await store.request<{ approvalId: string }>(
      "POST",
      `${API}/approvals`,
      { action: "priceOverride", pin: "9999", tillId: "T1" },
      cashier.token,
    );
    expect(grant.status).toBe(201);
    const proof = { grantId: grant.body.approvalId };
    const claimsOther = await send(await overridden([override(cashier.id, proof)]));
    expect(claimsOther.status).toBe(403);
    const ok = await send(await overridden([override(supervisorId, proof)]));
    expect(ok.status).toBe(201);
    const reused = await send(await overridden([override(supervisorId, proof)]));
    expect(reused.status).toBe(403);
    expect(reused.body.error.message).toContain("already used");
  });

  test("an offline approval signed by the till's registered key is accepted; an unregistered key is not", async () => {
    const supervisorId = await addUser(store, { name: "Sam", role: "supervisor", pin: "9999" });
    const { publicKey, privateKey } = generateKeyPairSync("ed25519");
    const signed = signedApproval(privateKey, {
      till: "T1",
      approver: supervisorId,
      action: "priceOverride",
    });
    const before = await send(await overridden([override(supervisorId, { signed })]));
    expect(before.status).toBe(403);
    expect(before.body.error.code).toBe("TILL_KEY_UNKNOWN");
    const key = publicKey.export({ type: "spki", format: "der" }).toString("base64url");
    const put = await store.request("PUT", `${API}/tills/T1/key`, { publicKey: key }, cashier.token);
    expect(put.status).toBe(200);
    const ok = await send(await overridden([override(supervisorId, { signed })]));
    expect(ok.status).toBe(201);
    // Another key for the same till needs a manager.
    const other = generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "der" });
    const swap = await store.request(
      "PUT",
      `${API}/tills/T1/key`,
      { publicKey: other.toString("base64url") },
      cashier.token,
    );
    expect(swap.status).toBe(409);
  });
});

function signedApproval(key: KeyObject, fields: { till: string; approver: string; action: string }): string {
  const text = Buffer.from(
    JSON.stringify({ v: 1, k: "approval", ...fields, at: "2026-03-02T14:58:00.000Z" }),
  ).toString("base64url");
  return `${text}.${sign(null, Buffer.from(text), key).toString("base64url")}`;
}

describe("a sale cancelled before payment", () => {
  test("leaves its voided lines and the cancellation in the audit log and the journal, once", async () => {
    const id = uuidv7();
    const body = {
      id,
      at: "2026-03-02T14:59:30.000Z",
      lines: [{ code: "MILK", name: "Milk 1l", qtyMilli: 1000, unitPriceMinor: 349, totalMinor: 349 }],
      totalMinor: 380,
      audit: [
        {
          action: "line.voided",
          at: "2026-03-02T14:59:10.000Z",
          userId: cashier.id,
          approvedBy: null,
          detail: { code: "A1", qtyMilli: 1000, unitPriceMinor: 199 },
        },
      ],
      madeIn: cashier.proof,
    };
    const journalBefore = store.journalLength();
    const res = await store.request<JsonObject>("POST", `${API}/sales/cancellations`, body, cashier.token);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id, cancelled: true, tillId: "T1", cashierId: cashier.id });
    const again = await store.request("POST", `${API}/sales/cancellations`, body, cashier.token);
    expect(again.status).toBe(200);
    const trail = await store.request<{ entries: { action: string; refId: string | null }[] }>(
      "GET",
      `${API}/audit?tillId=T1`,
    );
    const actions = trail.body.entries.filter((e) => e.refId === id).map((e) => e.action);
    expect(actions.sort()).toEqual(["line.voided", "sale.cancelled"]);
    const types = store.ctx.sqlite
      .query("SELECT type FROM events WHERE seq > ? ORDER BY seq")
      .all(journalBefore) as { type: string }[];
    expect(types.map((t) => t.type)).toEqual(["audit.recorded", "audit.recorded", "sale.voided"]);
    // Nothing was sold.
    const day = await store.request<{ salesCount: number }>("GET", `${API}/reports/daily?date=2026-03-02`);
    expect(day.body.salesCount).toBe(0);
  });
});
