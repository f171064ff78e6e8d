/**
 * The store refuses what the cashier's role may not do in a sale: a discount above the role's
 * `maxDiscountPercent` without a proven approval of someone whose role allows that much, and a
 * price override by a role without `price_override` without a proven approval (as rung, or a
 * price given to a sale the store prices), and a void after total by a role that needs an
 * approval for it without a proven one (in a sale, or in a sale cancelled before payment). Roles and users
 * reach the store as head office's changes do (applyChange), and the till's session sends the
 * sale, priced by the store or as rung.
 */
import { afterEach, describe, expect, test } from "bun:test";
import type { CatalogChange } from "../../src/core/catalog-changes.ts";
import { uuidv7 } from "../../src/core/ids.ts";
import { CatalogService } from "../../src/store-server/catalog/service.ts";
import { applyChange } from "../../src/store-server/replication/apply-change.ts";
import { PIN_HASH_OPTIONS } from "../../src/store-server/users/pins.ts";
import { createTestStore, type JsonObject, loginAt, type TestStore } from "../support/store-app.ts";
import type { ErrorBody } from "./card-fixtures.ts";
import { API, seedCatalog } from "./sales-fixtures.ts";

async function newStore(options: Parameters<typeof createTestStore>[0] = {}): Promise<TestStore> {
  const s = createTestStore(options);
  await seedCatalog(s);
  return s;
}

const ROLES = [
  { id: "deli", name: "Deli counter", permissions: ["sell", "discount"], maxDiscountPercent: 10 },
  { id: "lead", name: "Shift lead", permissions: ["sell", "discount"], maxDiscountPercent: 20 },
  {
    id: "boss",
    name: "Floor boss",
    permissions: ["sell", "discount", "price_override", "void_after_total"],
    maxDiscountPercent: 50,
  },
] as const;
const USERS = [
  { userId: "u-dee", name: "Dee", role: "deli", pin: "5102" },
  { userId: "u-lea", name: "Lea", role: "lead", pin: "5103" },
  { userId: "u-bob", name: "Bob", role: "boss", pin: "5104" },
] as const;

let store: TestStore;
afterEach(() => store?.close());

/** Head office's roles and users, applied at the store as replication applies them. */
async function replicateRoles(s: TestStore): Promise<void> {
  const at = "2026-03-01T08:00:00.000Z";
  const changes: CatalogChange[] = [
    ...ROLES.map((role, i) => ({
      seq: i + 1,
      storeId: "*",
      key: role.id,
      at,
      kind: "role" as const,
      value: { ...role, permissions: [...role.permissions], active: true },
    })),
    ...(await Promise.all(
      USERS.map(async (u, i) => ({
        seq: ROLES.length + i + 1,
        storeId: "S1",
        key: u.userId,
        at,
        kind: "user" as const,
        value: {
          userId: u.userId,
          name: u.name,
          role: u.role,
          pinHash: await Bun.password.hash(u.pin, PIN_HASH_OPTIONS),
          storeIds: ["S1"],
          active: true,
        },
      })),
    )),
  ];
  const catalog = new CatalogService(s.ctx);
  for (const change of changes) {
    s.ctx.db.transaction((tx) => applyChange(s.ctx, tx, catalog, change, new Date(change.at)));
  }
}

async function setUp(): Promise<{ dee: string }> {
  store = await newStore();
  await replicateRoles(store);
  return { dee: await loginAt(store, "T1", "5102") };
}

interface Quote extends JsonObject {
  totalMinor: number;
  cashDueMinor: number;
  lines: JsonObject[];
}

/** A till's document as rung: the store's quote of the lines, with an id, time and cash. */
async function rung(body: JsonObject, audit: JsonObject[] = []): Promise<JsonObject> {
  const quote = await store.request<Quote>("POST", `${API}/baskets/quote`, body);
  expect(quote.status).toBe(200);
  const { currency: _currency, ...priced } = quote.body;
  return {
    ...priced,
    lines: quote.body.lines.map(({ department: _d, ...line }) => line),
    asRung: true,
    id: uuidv7(),
    at: store.clock.now.toISOString(),
    tenders: [{ type: "cash", amountMinor: quote.body.cashDueMinor }],
    ...(audit.length > 0 ? { audit } : {}),
  };
}

const send = (doc: JsonObject, token: string) =>
  store.request<ErrorBody & { id: string }>("POST", `${API}/sales`, doc, token);

/** A supervisor's approval through `POST /approvals`, as the till asks for one. */
async function grant(
  token: string,
  pin: string,
  action: string,
): Promise<{ grantId: string; approvedBy: string }> {
  const res = await store.request<{ approvalId: string; approvedBy: { id: string } }>(
    "POST",
    `${API}/approvals`,
    { action, pin, tillId: "T1" },
    token,
  );
  expect(res.status).toBe(201);
  return { grantId: res.body.approvalId, approvedBy: res.body.approvedBy.id };
}

function discountEntry(detail: JsonObject, approval?: { grantId: string; approvedBy: string }): JsonObject {
  return {
    action: "discount.given",
    at: store.clock.now.toISOString(),
    detail,
    ...(approval ? { approvedBy: approval.approvedBy, approval: { grantId: approval.grantId } } : {}),
  };
}

function unchanged(s: TestStore): () => void {
  const before = { sales: s.count("sales"), events: s.journalLength(), audit: s.count("audit") };
  return () =>
    expect({ sales: s.count("sales"), events: s.journalLength(), audit: s.count("audit") }).toEqual(before);
}

describe("discount limits at the store", () => {
  test("a sale as rung with a discount within the role's maximum is recorded", async () => {
    const { dee } = await setUp();
    const doc = await rung({ lines: [{ code: "MILK", discount: { percent: "10" } }] }, [
      discountEntry({ code: "MILK", percent: "10" }),
    ]);
    expect((await send(doc, dee)).status).toBe(201);
  });

  test("a line or basket discount above the role's maximum without an approval is refused and changes nothing", async () => {
    const { dee } = await setUp();
    const docs = [
      await rung({ lines: [{ code: "MILK", discount: { percent: "15" } }] }, [
        discountEntry({ code: "MILK", percent: "15" }),
      ]),
      await rung({ lines: [{ code: "MILK" }, { code: "BREAD" }], discount: { percent: "25" } }, [
        discountEntry({ percent: "25" }),
      ]),
      // An amount off: 100 of 349 is 28.65%.
      await rung({ lines: [{ code: "MILK", discount: { amountMinor: 100 } }] }, [
        discountEntry({ code: "MILK", amountMinor: 100 }),
      ]),
      // The document's discount undeclared in its audit: still measured on its amounts.
      await rung({ lines: [{ code: "MILK" }, { code: "BREAD" }], discount: { percent: "30" } }),
    ];
    const same = unchanged(store);
    for (const doc of docs) {
      const res = await send(doc, dee);
      expect([res.status, res.body.error?.code]).toEqual([403, "DISCOUNT_OVER_LIMIT"]);
      expect(res.body.error?.details).toMatchObject({ role: "deli", maxDiscountPercent: 10 });
    }
    same();
  });

  test("a discount priced by the store above the role's maximum is refused too", async () => {
    const { dee } = await setUp();
    const same = unchanged(store);
    const res = await send(
      {
        id: uuidv7(),
        lines: [{ code: "MILK", discount: { percent: "40" } }],
        tenders: [{ type: "cash", amountMinor: 1000 }],
      },
      dee,
    );
    expect([res.status, res.body.error?.code]).toEqual([403, "DISCOUNT_OVER_LIMIT"]);
    same();
  });

  test("with an approval from a role allowed that much it is recorded; from a role allowed less, refused", async () => {
    const { dee } = await setUp();
    const lea = await grant(dee, "5103", "discount");
    const low = await rung({ lines: [{ code: "MILK", discount: { percent: "40" } }] }, [
      discountEntry({ code: "MILK", percent: "40" }, lea),
    ]);
    const refused = await send(low, dee);
    expect([refused.status, refused.body.error?.code]).toEqual([403, "DISCOUNT_OVER_LIMIT"]);
    expect(refused.body.error?.details).toMatchObject({ percent: 40, maxDiscountPercent: 20, role: "lead" });

    const bob = await grant(dee, "5104", "discount");
    const ok = await rung({ lines: [{ code: "MILK", discount: { percent: "40" } }] }, [
      discountEntry({ code: "MILK", percent: "40" }, bob),
    ]);
    expect((await send(ok, dee)).status).toBe(201);
  });

  test("the built-in cashier keeps its rights (no ceiling below 100%)", async () => {
    store = await newStore();
    const res = await store.request<{ id: string }>("POST", `${API}/users`, {
      name: "Cas",
      role: "cashier",
      pin: "5105",
    });
    expect(res.status).toBe(201);
    const cas = await loginAt(store, "T1", "5105");
    const doc = await rung({ lines: [{ code: "MILK", discount: { percent: "60" } }] }, [
      discountEntry({ code: "MILK", percent: "60" }),
    ]);
    expect((await send(doc, cas)).status).toBe(201);
  });
});

describe("price overrides at the store", () => {
  test("an override by a role without price_override needs a proven approval", async () => {
    const { dee } = await setUp();
    const base = await rung({ lines: [{ code: "MILK", unitPriceMinor: 300 }] });
    const overridden = {
      ...base,
      lines: (base.lines as JsonObject[]).map((l) => ({ ...l, priceSource: "override" })),
    };
    const same = unchanged(store);
    const refused = await send(overridden, dee);
    expect([refused.status, refused.body.error?.code]).toEqual([403, "APPROVAL_REQUIRED"]);
    expect(refused.body.error?.details).toMatchObject({ permission: "price_override", role: "deli" });
    same();

    const bob = await grant(dee, "5104", "priceOverride");
    const approved = {
      ...overridden,
      audit: [
        {
          action: "price.overridden",
          at: store.clock.now.toISOString(),
          approvedBy: bob.approvedBy,
          approval: { grantId: bob.grantId },
          detail: { code: "MILK", fromMinor: 349, toMinor: 300 },
        },
      ],
    };
    expect((await send(approved, dee)).status).toBe(201);
  });
});

describe("price overrides on a sale the store prices", () => {
  const priced = (lines: JsonObject[], audit: JsonObject[] = []) => ({
    id: uuidv7(),
    lines,
    tenders: [{ type: "cash", amountMinor: 5000 }],
    ...(audit.length > 0 ? { audit } : {}),
  });

  test("a line's price given by a role without price_override needs a proven approval", async () => {
    const { dee } = await setUp();
    const same = unchanged(store);
    const res = await send(priced([{ code: "BREAD" }, { code: "MILK", unitPriceMinor: 300 }]), dee);
    expect([res.status, res.body.error?.code]).toEqual([403, "APPROVAL_REQUIRED"]);
    expect(res.body.error?.details).toEqual({ permission: "price_override", role: "deli", line: 1 });
    same();

    const bob = await grant(dee, "5104", "priceOverride");
    const entry = {
      action: "price.overridden",
      at: store.clock.now.toISOString(),
      approvedBy: bob.approvedBy,
      approval: { grantId: bob.grantId },
      detail: { code: "MILK", fromMinor: 349, toMinor: 300 },
    };
    const approved = await send(priced([{ code: "MILK", unitPriceMinor: 300 }], [entry]), dee);
    expect(approved.status).toBe(201);
    expect(
      (approved.body as unknown as { lines: { unitPriceMinor: number }[] }).lines[0]?.unitPriceMinor,
    ).toBe(300);
    // The catalog's own price is no override; a role holding price_override gives one alone.
    expect((await send(priced([{ code: "MILK", unitPriceMinor: 349 }]), dee)).status).toBe(201);
    const bobAtT2 = await loginAt(store, "T2", "5104");
    expect((await send(priced([{ code: "MILK", unitPriceMinor: 300 }]), bobAtT2)).status).toBe(201);
  });
});

/** A void's audit entry; `afterTotal` as the till marks a void made after the sale was totalled. */
function voidEntry(
  action: "line.voided" | "sale.voided",
  afterTotal: boolean,
  approval?: { grantId: string; approvedBy: string },
): JsonObject {
  return {
    action,
    at: store.clock.now.toISOString(),
    detail: {
      code: "BREAD",
      qtyMilli: 1000,
      unitPriceMinor: 275,
      ...(afterTotal ? { afterTotal: true } : {}),
    },
    ...(approval ? { approvedBy: approval.approvedBy, approval: { grantId: approval.grantId } } : {}),
  };
}

/** A sale cancelled at the till before payment, with its cashier actions. */
function cancellation(audit: JsonObject[]): JsonObject {
  return {
    id: uuidv7(),
    at: store.clock.now.toISOString(),
    lines: [{ code: "MILK", name: "Milk 1l", qtyMilli: 1000, unitPriceMinor: 349, totalMinor: 349 }],
    totalMinor: 349,
    audit,
  };
}

const cancel = (body: JsonObject, token?: string) =>
  store.request<ErrorBody & { id: string }>("POST", `${API}/sales/cancellations`, body, token);

describe("voids after total at the store", () => {
  test("a line voided after total by a role without void_after_total needs a proven approval", async () => {
    const { dee } = await setUp();
    const doc = await rung({ lines: [{ code: "MILK" }] }, [voidEntry("line.voided", true)]);
    const same = unchanged(store);
    const res = await send(doc, dee);
    expect([res.status, res.body.error?.code]).toEqual([403, "APPROVAL_REQUIRED"]);
    expect(res.body.error?.details).toEqual({ permission: "void_after_total", role: "deli", audit: 0 });
    same();

    const bob = await grant(dee, "5104", "voidAfterTotal");
    const approved = await rung({ lines: [{ code: "MILK" }] }, [voidEntry("line.voided", true, bob)]);
    expect((await send(approved, dee)).status).toBe(201);
    // Before total a void takes no approval; an admin token's record is no cashier's.
    const before = await rung({ lines: [{ code: "MILK" }] }, [voidEntry("line.voided", false)]);
    expect((await send(before, dee)).status).toBe(201);
    const imported = await rung({ lines: [{ code: "MILK" }] }, [voidEntry("line.voided", true)]);
    expect((await send({ ...imported, tillId: "T1", cashierId: "u-dee" }, store.adminToken)).status).toBe(
      201,
    );
  });

  test("the built-in cashier follows approvals.voidAfterTotal", async () => {
    for (const asks of [true, false]) {
      store?.close();
      store = await newStore({ settings: { approvals: { voidAfterTotal: asks } } });
      const created = await store.request("POST", `${API}/users`, {
        name: "Cas",
        role: "cashier",
        pin: "5105",
      });
      expect(created.status).toBe(201);
      const cas = await loginAt(store, "T1", "5105");
      const doc = await rung({ lines: [{ code: "MILK" }] }, [voidEntry("line.voided", true)]);
      const res = await send(doc, cas);
      expect(res.status).toBe(asks ? 403 : 201);
      if (asks) expect(res.body.error?.code).toBe("APPROVAL_REQUIRED");
    }
  });

  test("a sale voided after total and cancelled before payment needs the approval too", async () => {
    const { dee } = await setUp();
    const same = unchanged(store);
    const refused = await cancel(cancellation([voidEntry("sale.voided", true)]), dee);
    expect([refused.status, refused.body.error?.code]).toEqual([403, "APPROVAL_REQUIRED"]);
    expect(refused.body.error?.details).toEqual({ permission: "void_after_total", role: "deli", audit: 0 });
    same();
    const bob = await grant(dee, "5104", "voidAfterTotal");
    expect((await cancel(cancellation([voidEntry("sale.voided", true, bob)]), dee)).status).toBe(201);
    expect((await cancel(cancellation([voidEntry("sale.voided", false)]), dee)).status).toBe(201);
    const imported = { ...cancellation([voidEntry("sale.voided", true)]), tillId: "T1" };
    expect((await cancel(imported)).status).toBe(201);
  });
});

describe("a completed sale voided at the store", () => {
  test("by a role without void_after_total takes the PIN of someone whose role holds it", async () => {
    const { dee } = await setUp();
    const doc = await rung({ lines: [{ code: "MILK" }] });
    expect((await send(doc, dee)).status).toBe(201);
    const voidIt = (body: JsonObject) =>
      store.request<ErrorBody>("POST", `${API}/sales/${doc.id}/void`, { reason: "wrong item", ...body }, dee);
    const same = unchanged(store);
    const alone = await voidIt({});
    expect([alone.status, alone.body.error?.code]).toEqual([403, "APPROVAL_REQUIRED"]);
    same();
    // A PIN whose role may not approve it is refused (and, as any refused PIN, audited).
    const byLead = await voidIt({ approvalPin: "5103" });
    expect(byLead.status).toBe(403);
    const sale = () => store.request<{ status: string }>("GET", `${API}/sales/${doc.id}`);
    expect((await sale()).body.status).toBe("completed");
    expect((await voidIt({ approvalPin: "5104" })).status).toBe(200);
    expect((await sale()).body.status).toBe("voided");
  });
});

describe("a price the store agreed before the sale", () => {
  test("an order sold at the web shop's price is collected by a cashier without an approval", async () => {
    const { dee } = await setUp();
    const receipt = {
      id: uuidv7(),
      type: "receipt",
      post: true,
      lines: [{ code: "BREAD", qty: 1, unitCostMinor: 100 }],
    };
    expect((await store.request("POST", `${API}/stock/documents`, receipt)).status).toBe(201);
    const id = uuidv7();
    const placed = await store.request("POST", `${API}/orders`, {
      id,
      pickupStore: "S1",
      slot: { date: "2026-03-03", from: "10:00", to: "11:00" },
      lines: [{ code: "BREAD", qty: 1, unitPriceMinor: 250 }],
      prepaid: [{ type: "card", amountMinor: 250, ref: "shop-pay-1" }],
    });
    expect(placed.status).toBe(201);
    const collected = await store.request<ErrorBody>(
      "POST",
      `${API}/orders/${id}/collect`,
      { tenders: [] },
      dee,
    );
    expect(collected.body.error?.code).toBeUndefined();
    expect(collected.status).toBe(200);
  });
});
