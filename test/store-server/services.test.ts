/**
 * Services on a real SQLite store: services with a duration and their staff, bookings that never
 * overlap for one staff member and stay within opening hours, free slots, a booking's statuses,
 * packages of visits sold and used (never below zero), commissions exact to the minor unit in the
 * period and shift reports, and the customer's service card. Bad input changes nothing.
 */
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { addUser, createTestStore, type JsonObject, loginAt, type TestStore } from "../support/store-app.ts";

const API = "/api/v1";
const DAY = "2026-03-03";
const at = (time: string) => `${DAY}T${time}:00.000Z`;

interface ErrorBody {
  error: { code: string; details?: { conflicting?: { id: string } } };
}
interface Booking {
  id: string;
  start: string;
  end: string;
  status: string;
  staffName: string | null;
  serviceName: string;
}

let store: TestStore;
let ann: string;
let bob: string;
let till: string;

async function ok<T = JsonObject>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const res = await store.request<T>(method, `${API}${path}`, body, token);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

beforeEach(async () => {
  store = createTestStore({
    settings: {
      timeZone: "UTC",
      services: { openingHours: { open: "09:00", close: "18:00" }, slotMinutes: 30 },
    },
  });
  await ok("POST", "/categories", { id: "HAIR", name: "Hair" });
  await ok("POST", "/categories", { id: "COLOUR", name: "Colour", parent: "HAIR" });
  await ok("POST", "/products", {
    code: "CUT",
    name: "Haircut",
    priceMinor: 3333,
    taxClass: null,
    category: "HAIR",
  });
  await ok("POST", "/products", {
    code: "DYE",
    name: "Colouring",
    priceMinor: 5000,
    taxClass: "1",
    category: "COLOUR",
  });
  await ok("POST", "/products", { code: "CUT5", name: "5 haircuts", priceMinor: 15000, taxClass: null });
  ann = await addUser(store, { name: "Ann Stylist", role: "cashier", pin: "1111" });
  bob = await addUser(store, { name: "Bob Barber", role: "cashier", pin: "2222" });
  till = await loginAt(store, "T1", "1111");
  await ok("POST", "/services", { code: "CUT", kind: "service", durationMin: 45, staffIds: [ann, bob] });
  await ok("POST", "/services", { code: "DYE", kind: "service", durationMin: 90, staffIds: [ann] });
  await ok("POST", "/services", { code: "CUT5", kind: "package", serviceCode: "CUT", visits: 5 });
});
afterEach(() => store.close());

function book(start: string, staffId = ann, serviceCode = "CUT", extra: JsonObject = {}) {
  return store.request<Booking & ErrorBody>(
    "POST",
    `${API}/bookings`,
    { id: uuidv7(), serviceCode, staffId, start, ...extra },
    till,
  );
}

/** Rings a sale as the till does: the store's quote, each line with what the till adds. */
async function ringAsRung(
  lines: (JsonObject & { code: string })[],
  extra: JsonObject = {},
): Promise<{ status: number; body: JsonObject & ErrorBody; id: string }> {
  const basket = lines.map(({ code, qty, unitPriceMinor }) => ({
    code,
    ...(qty === undefined ? {} : { qty }),
    ...(unitPriceMinor === undefined ? {} : { unitPriceMinor }),
  }));
  const quote = await ok<JsonObject & { lines: JsonObject[]; totalMinor: number }>("POST", "/baskets/quote", {
    lines: basket,
  });
  const id = uuidv7();
  const doc = {
    ...quote,
    lines: quote.lines.map((l, i) => {
      const { code: _c, qty: _q, unitPriceMinor: _u, ...added } = lines[i] ?? ({ code: "" } as JsonObject);
      return { ...l, ...added };
    }),
    asRung: true,
    id,
    at: "2026-03-02T14:59:00.000Z",
    tenders: quote.totalMinor > 0 ? [{ type: "cash", amountMinor: quote.totalMinor }] : [],
    ...extra,
  };
  const res = await store.request<JsonObject & ErrorBody>("POST", `${API}/sales`, doc, till);
  return { status: res.status, body: res.body, id };
}

describe("services and bookings", () => {
  test("a booking takes the service's duration; an overlap for the same staff is a 409 naming the booking", async () => {
    const first = await book(at("10:00"));
    expect(first.status).toBe(201);
    expect([first.body.start, first.body.end, first.body.status]).toEqual([
      at("10:00"),
      at("10:45"),
      "booked",
    ]);
    expect([first.body.serviceName, first.body.staffName]).toEqual(["Haircut", "Ann Stylist"]);
    const before = [store.count("bookings"), store.journalLength(), store.count("audit")];
    const overlap = await book(at("10:30"));
    expect([overlap.status, overlap.body.error.code]).toEqual([409, "BOOKING_OVERLAP"]);
    expect(overlap.body.error.details?.conflicting?.id).toBe(first.body.id);
    expect([store.count("bookings"), store.journalLength(), store.count("audit")]).toEqual(before);
    // Back to back, or another staff member at the same time: fine.
    expect((await book(at("10:45"))).status).toBe(201);
    expect((await book(at("10:30"), bob)).status).toBe(201);
    // A cancelled booking frees its time.
    const cancelled = await ok<Booking>(
      "POST",
      `/bookings/${first.body.id}/status`,
      { status: "cancelled" },
      till,
    );
    expect(cancelled.status).toBe("cancelled");
    expect((await book(at("09:55"))).status).toBe(201);
  });

  test("opening hours, staff and service are checked; bad input is refused and changes nothing", async () => {
    const before = [store.count("bookings"), store.journalLength()];
    const late = await book(at("17:30"));
    expect([late.status, late.body.error.code]).toEqual([400, "OUTSIDE_OPENING_HOURS"]);
    const early = await book(at("08:59"));
    expect(early.body.error.code).toBe("OUTSIDE_OPENING_HOURS");
    expect((await book(at("11:00"), bob, "DYE")).body.error.code).toBe("STAFF_NOT_QUALIFIED");
    expect((await book(at("11:00"), "nobody")).body.error.code).toBe("STAFF_NOT_FOUND");
    expect((await book(at("11:00"), ann, "CUT5")).body.error.code).toBe("SERVICE_NOT_FOUND");
    expect((await book("tomorrow at ten")).status).toBe(400);
    const extra = await store.request(
      "POST",
      `${API}/bookings`,
      { id: uuidv7(), serviceCode: "CUT", staffId: ann, start: at("11:00"), note: "x" },
      till,
    );
    expect(extra.status).toBe(400);
    expect([store.count("bookings"), store.journalLength()]).toEqual(before);
    // The same id again: the same body answers the booking, another body is refused.
    const id = uuidv7();
    const body = { id, serviceCode: "CUT", staffId: ann, start: at("12:00") };
    expect((await store.request("POST", `${API}/bookings`, body, till)).status).toBe(201);
    expect((await store.request("POST", `${API}/bookings`, body, till)).status).toBe(200);
    const reused = await store.request<ErrorBody>(
      "POST",
      `${API}/bookings`,
      { ...body, start: at("13:00") },
      till,
    );
    expect([reused.status, reused.body.error.code]).toEqual([409, "BOOKING_ID_REUSED"]);
    expect(store.count("bookings")).toBe((before[0] ?? 0) + 1);
  });

  test("services: a product of the catalog, a sane duration, known staff", async () => {
    const before = [store.count("services"), store.journalLength()];
    const unknown = await store.request<ErrorBody>("POST", `${API}/services`, {
      code: "NOPE",
      kind: "service",
      durationMin: 30,
    });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, "PRODUCT_NOT_FOUND"]);
    const zero = await store.request("POST", `${API}/services`, {
      code: "CUT",
      kind: "service",
      durationMin: 0,
    });
    expect(zero.status).toBe(400);
    const ghost = await store.request<ErrorBody>("POST", `${API}/services`, {
      code: "CUT",
      kind: "service",
      durationMin: 30,
      staffIds: ["ghost"],
    });
    expect(ghost.body.error.code).toBe("STAFF_NOT_FOUND");
    expect([store.count("services"), store.journalLength()]).toEqual(before);
    const listed = await ok<{
      services: { code: string; durationMin: number | null; visits: number | null }[];
    }>("GET", "/services");
    expect(listed.services.map((s) => [s.code, s.durationMin, s.visits])).toEqual([
      ["CUT", 45, null],
      ["CUT5", null, 5],
      ["DYE", 90, null],
    ]);
  });

  test("free slots: every 30 minutes within opening hours, around the staff's bookings", async () => {
    await book(at("09:30"));
    await book(at("16:00"), ann);
    const free = await ok<{ durationMin: number; slots: { staffId: string; start: string }[] }>(
      "GET",
      `/bookings/free-slots?serviceCode=CUT&date=${DAY}&staffId=${ann}`,
    );
    expect(free.durationMin).toBe(45);
    const times = free.slots.map((s) => s.start.slice(11, 16));
    expect(times).toEqual([
      "10:30",
      "11:00",
      "11:30",
      "12:00",
      "12:30",
      "13:00",
      "13:30",
      "14:00",
      "14:30",
      "15:00",
      "17:00",
    ]);
    const both = await ok<{ slots: { staffId: string; start: string; end: string }[] }>(
      "GET",
      `/bookings/free-slots?serviceCode=CUT&date=${DAY}`,
    );
    expect(both.slots.filter((s) => s.staffId === bob)).toHaveLength(17);
    expect(both.slots[0]).toEqual({ staffId: bob, start: at("09:00"), end: at("09:45") });
    const bad = await store.request("GET", `${API}/bookings/free-slots?serviceCode=CUT&date=03/03/2026`);
    expect(bad.status).toBe(400);
  });

  test("the staff calendar, and statuses: checked in, cancelled and no-show are final", async () => {
    const a = (await book(at("09:00"))).body;
    const b = (await book(at("11:00"), bob)).body;
    const c = (await book(at("13:00"))).body;
    const day = await ok<{ bookings: Booking[] }>("GET", `/bookings?date=${DAY}&staffId=${ann}`);
    expect(day.bookings.map((x) => x.id)).toEqual([a.id, c.id]);
    expect((await ok<{ bookings: Booking[] }>("GET", `/bookings?date=${DAY}`)).bookings).toHaveLength(3);
    expect((await ok<{ bookings: Booking[] }>("GET", "/bookings?date=2026-03-04")).bookings).toHaveLength(0);
    expect(
      (await ok<Booking>("POST", `/bookings/${a.id}/status`, { status: "checked_in" }, till)).status,
    ).toBe("checked_in");
    expect((await ok<Booking>("POST", `/bookings/${b.id}/status`, { status: "no_show" }, till)).status).toBe(
      "no_show",
    );
    const journal = store.journalLength();
    const again = await store.request<ErrorBody>(
      "POST",
      `${API}/bookings/${a.id}/status`,
      { status: "cancelled" },
      till,
    );
    expect([again.status, again.body.error.code]).toEqual([409, "BOOKING_STATUS_FINAL"]);
    const bad = await store.request("POST", `${API}/bookings/${c.id}/status`, { status: "booked" }, till);
    expect(bad.status).toBe(400);
    const missing = await store.request<ErrorBody>(
      "POST",
      `${API}/bookings/${uuidv7()}/status`,
      { status: "cancelled" },
      till,
    );
    expect([missing.status, missing.body.error.code]).toEqual([404, "BOOKING_NOT_FOUND"]);
    expect(store.journalLength()).toBe(journal);
    const actions = store.ctx.sqlite
      .query("SELECT action FROM audit WHERE action LIKE 'booking.%' ORDER BY id")
      .all() as { action: string }[];
    expect(actions.map((r) => r.action)).toEqual([
      "booking.created",
      "booking.created",
      "booking.created",
      "booking.checked_in",
      "booking.no_show",
    ]);
  });
});

describe("packages of visits", () => {
  test("sold to a customer, used one visit at a time at no charge, never below zero", async () => {
    const customerId = "CUST-1";
    const sold = await ringAsRung([{ code: "CUT5" }], { customerId });
    expect(sold.status).toBe(201);
    const card = await ok<{ packages: { id: string; visitsLeft: number; visitsTotal: number }[] }>(
      "GET",
      `/customers/${customerId}/service-card`,
    );
    expect(card.packages.map((p) => [p.visitsTotal, p.visitsLeft])).toEqual([[5, 5]]);
    const packageId = card.packages[0]?.id ?? "";
    // Four visits in one sale, one more in another: five used.
    const four = await ringAsRung([{ code: "CUT", unitPriceMinor: 0, qty: 4, packageId, staffId: ann }], {
      customerId,
    });
    expect(four.status).toBe(201);
    expect((await ringAsRung([{ code: "CUT", unitPriceMinor: 0, packageId }], { customerId })).status).toBe(
      201,
    );
    const sales = store.count("sales");
    const journal = store.journalLength();
    const sixth = await ringAsRung([{ code: "CUT", unitPriceMinor: 0, packageId }], { customerId });
    expect([sixth.status, sixth.body.error.code]).toEqual([409, "PACKAGE_USED_UP"]);
    expect([store.count("sales"), store.journalLength()]).toEqual([sales, journal]);
    const after = await ok<{
      packages: { visitsLeft: number }[];
      visits: { code: string; packageId: string | null; staffId: string | null }[];
    }>("GET", `/customers/${customerId}/service-card`);
    expect(after.packages[0]?.visitsLeft).toBe(0);
    expect(after.visits.map((v) => [v.code, v.packageId !== null, v.staffId])).toEqual([
      ["CUT", true, null],
      ["CUT", true, ann],
      ["CUT5", false, null],
    ]);
  });

  test("a visit paid by a package is free in the document, of the package's service and customer", async () => {
    expect((await ringAsRung([{ code: "CUT5" }], { customerId: "CUST-1" })).status).toBe(201);
    const packageId = (store.ctx.sqlite.query("SELECT id FROM customer_packages").get() as { id: string }).id;
    const before = [store.count("sales"), store.count("package_visits")];
    const charged = await ringAsRung([{ code: "CUT", packageId }], { customerId: "CUST-1" });
    expect([charged.status, charged.body.error.code]).toEqual([400, "SALE_INCONSISTENT"]);
    const other = await ringAsRung([{ code: "DYE", unitPriceMinor: 0, packageId }], { customerId: "CUST-1" });
    expect(other.body.error.code).toBe("PACKAGE_OTHER_SERVICE");
    const stranger = await ringAsRung([{ code: "CUT", unitPriceMinor: 0, packageId }], {
      customerId: "CUST-2",
    });
    expect(stranger.body.error.code).toBe("PACKAGE_OTHER_CUSTOMER");
    const unknown = await ringAsRung([{ code: "CUT", unitPriceMinor: 0, packageId: "nope" }]);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, "PACKAGE_NOT_FOUND"]);
    const anonymous = await ringAsRung([{ code: "CUT5" }]);
    expect([anonymous.status, anonymous.body.error.code]).toEqual([400, "PACKAGE_NEEDS_CUSTOMER"]);
    expect([store.count("sales"), store.count("package_visits")]).toEqual(before);
  });

  test("a sale with only the customer's card sells the package to the card's customer", async () => {
    const carla = uuidv7();
    await ok("POST", "/customers", { id: carla, name: "Carla Card", card: "7000-0001" }, till);
    const sold = await ringAsRung([{ code: "CUT5" }], { card: "7000-0001" });
    expect(sold.status).toBe(201);
    const card = await ok<{ packages: { visitsLeft: number; saleId?: string }[] }>(
      "GET",
      `/customers/${carla}/service-card`,
    );
    expect(card.packages.map((p) => p.visitsLeft)).toEqual([5]);
    const row = store.ctx.sqlite.query("SELECT customer_id AS c FROM sales WHERE id = ?").get(sold.id);
    expect(row).toEqual({ c: carla });
    const before = store.count("sales");
    const unknown = await ringAsRung([{ code: "CUT5" }], { card: "7000-0099" });
    expect([unknown.status, unknown.body.error.code]).toEqual([400, "PACKAGE_NEEDS_CUSTOMER"]);
    expect(store.count("sales")).toBe(before);
  });

  test("a booking with the customer's card is booked for the card's customer", async () => {
    const dora = uuidv7();
    await ok("POST", "/customers", { id: dora, name: "Dora Diary", card: "7000-0002" }, till);
    const booked = await book(at("10:00"), ann, "CUT", { card: "7000-0002" });
    expect(booked.status).toBe(201);
    const card = await ok<{ bookings: { id: string }[] }>("GET", `/customers/${dora}/service-card`);
    expect(card.bookings.map((b) => b.id)).toEqual([booked.body.id]);
    const before = store.count("bookings");
    const unknown = await book(at("11:00"), ann, "CUT", { card: "7000-0099" });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, "CARD_NOT_FOUND"]);
    expect(store.count("bookings")).toBe(before);
  });
});

test("a visit paid by a package on a sale without a customer is still on the customer's card", async () => {
  expect((await ringAsRung([{ code: "CUT5" }], { customerId: "CUST-3" })).status).toBe(201);
  const packageId = (store.ctx.sqlite.query("SELECT id FROM customer_packages").get() as { id: string }).id;
  const visit = await ringAsRung([
    { code: "CUT", unitPriceMinor: 0, priceSource: "open", packageId, staffId: bob },
  ]);
  expect(visit.status).toBe(201);
  const card = await ok<{
    packages: { visitsLeft: number }[];
    visits: { code: string; staffId: string | null }[];
  }>("GET", "/customers/CUST-3/service-card");
  expect(card.packages[0]?.visitsLeft).toBe(4);
  expect(card.visits.map((v) => [v.code, v.staffId])).toEqual([
    ["CUT", bob],
    ["CUT5", null],
  ]);
  expect((await ok<{ visits: unknown[] }>("GET", "/customers/CUST-9/service-card")).visits).toEqual([]);
});

describe("commissions", () => {
  test("the most specific rule, exact minor units, in the period and shift reports", async () => {
    const shift = await ok<{ id: string }>("POST", "/shifts", { tillId: "T1", floatMinor: 0 }, till);
    // Everyone: 10 % of services; Ann: 12.5 % of haircuts; colouring (a HAIR category below): 7.5 €.
    await ok("POST", "/commission-rules", { id: "all", percent: "10" });
    await ok("POST", "/commission-rules", {
      id: "ann-cut",
      staffId: ann,
      serviceCode: "CUT",
      percent: "12.5",
    });
    await ok("POST", "/commission-rules", { id: "hair", category: "HAIR", fixedMinor: 750 });
    const before = store.count("commission_rules");
    const both = await store.request("POST", `${API}/commission-rules`, {
      id: "x",
      percent: "5",
      fixedMinor: 1,
    });
    expect(both.status).toBe(400);
    const reused = await store.request<ErrorBody>("POST", `${API}/commission-rules`, {
      id: "all",
      percent: "11",
    });
    expect([reused.status, reused.body.error.code]).toEqual([409, "COMMISSION_RULE_ID_REUSED"]);
    expect(store.count("commission_rules")).toBe(before);

    // Ann: a haircut 33.33 → 12.5 % = 4.16625 → 4.17; Bob: a haircut → HAIR fixed 7.50;
    // Ann: colouring 50.00 incl. tax (class 1) → HAIR fixed 7.50 (a category above COLOUR).
    const sale = await ringAsRung(
      [
        { code: "CUT", staffId: ann },
        { code: "CUT", staffId: bob },
        { code: "DYE", staffId: ann },
        { code: "CUT5" },
      ],
      { customerId: "CUST-9" },
    );
    expect(sale.status).toBe(201);
    const rows = store.ctx.sqlite
      .query(
        "SELECT line_no AS lineNo, staff_id AS staffId, base_minor AS base, commission_minor AS c, rule_id AS rule FROM commissions ORDER BY line_no",
      )
      .all();
    const dyeNet = (
      store.ctx.sqlite
        .query("SELECT total_minor - tax_minor AS n FROM sale_lines WHERE line_no = 3")
        .get() as { n: number }
    ).n;
    expect(rows).toEqual([
      { lineNo: 1, staffId: ann, base: 3333, c: 417, rule: "ann-cut" },
      { lineNo: 2, staffId: bob, base: 3333, c: 750, rule: "hair" },
      { lineNo: 3, staffId: ann, base: dyeNet, c: 750, rule: "hair" },
    ]);
    const report = await ok<{
      staff: { staffId: string; staffName: string; lines: number; commissionMinor: number }[];
      commissionMinor: number;
    }>("GET", "/reports/commissions?from=2026-03-01&to=2026-03-02");
    expect(report.staff.map((s) => [s.staffName, s.lines, s.commissionMinor]).sort()).toEqual([
      ["Ann Stylist", 2, 1167],
      ["Bob Barber", 1, 750],
    ]);
    expect(report.commissionMinor).toBe(1917);
    const none = await ok<{ staff: unknown[] }>("GET", "/reports/commissions?from=2026-03-03&to=2026-03-05");
    expect(none.staff).toEqual([]);
    expect(
      (await store.request("GET", `${API}/reports/commissions?from=2026-03-05&to=2026-03-01`)).status,
    ).toBe(400);
    const x = await ok<{ commissions?: { staffId: string; commissionMinor: number }[] }>(
      "GET",
      `/shifts/${shift.id}/x-report`,
      undefined,
      till,
    );
    expect(x.commissions?.map((c) => c.commissionMinor).sort()).toEqual([1167, 750]);
    // The staff member travels on the sale's journal event (head office sees who did the work).
    const event = store.ctx.sqlite
      .query("SELECT payload FROM events WHERE type = 'sale.completed' ORDER BY seq DESC LIMIT 1")
      .get() as { payload: string };
    expect(
      (JSON.parse(event.payload) as { lines: { staffId?: string }[] }).lines.map((l) => l.staffId ?? null),
    ).toEqual([ann, bob, ann, null]);
  });
});
