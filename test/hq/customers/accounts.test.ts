/**
 * The account server: earning once per sale, redemptions that hold and then commit or release,
 * precise refusals that change nothing, points expiry, and balances that always equal the sum of
 * the ledger. Concurrent redemptions against a real head office process never overdraw a card.
 */
import { expect, test } from "bun:test";
import { testHqPerTest } from "../../support/hq-app.ts";
import { startHq } from "../../support/hq-process.ts";

const hq = testHqPerTest();

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}
interface Redemption {
  id: string;
  status: string;
  points: number | null;
  amountMinor: number;
}

const PROGRAM = {
  earn: { points: 1, perAmountMinor: 100 },
  pointValueMinor: 5,
  minRedeemPoints: 10,
  expiryDays: 30,
  groupMultipliers: { gold: 200 },
};

async function withCard(h: ReturnType<typeof hq>, points: number) {
  await h.request("PUT", "/api/v1/loyalty", PROGRAM);
  await h.request("POST", "/api/v1/cards", { number: "1001", kind: "loyalty" });
  if (points > 0)
    await h.request("POST", "/api/v1/accounts/adjustments", {
      key: "seed",
      card: "1001",
      points,
      reason: "welcome",
    });
}

/** Asks head office to authorise a redemption (store S1 unless given). */
function redeem<T>(h: ReturnType<typeof hq>, body: Record<string, unknown>, token?: string) {
  return h.request<T>("POST", "/api/v1/accounts/redemptions", { storeId: "S1", ...body }, token);
}

function ledgerMatches(h: ReturnType<typeof hq>) {
  const rows = h.ctx.sqlite
    .query<{ n: number }, []>(
      `SELECT count(*) AS n FROM account_balances b
       WHERE b.balance != (SELECT coalesce(sum(amount), 0) FROM account_entries e WHERE e.card = b.card AND e.unit = b.unit)`,
    )
    .get();
  return rows?.n === 0;
}

test("earning happens once per sale, multiplied for the customer's group", async () => {
  const h = hq();
  await h.request("PUT", "/api/v1/loyalty", PROGRAM);
  await h.request("POST", "/api/v1/customer-groups", { id: "gold", name: "Gold" });
  await h.request("POST", "/api/v1/customers", { id: "c1", name: "Ana", groups: ["gold"] });
  await h.request("POST", "/api/v1/cards", { number: "1001", kind: "loyalty", customerId: "c1" });
  const body = { card: "1001", storeId: "S1", saleId: "sale-1", paidMinor: 1_299 };
  const first = await h.request("POST", "/api/v1/accounts/earnings", body);
  expect(first.body).toMatchObject({ points: 24, balance: 24, duplicate: false, key: "sale:sale-1" });
  const again = await h.request("POST", "/api/v1/accounts/earnings", body);
  expect(again.body).toMatchObject({ points: 24, balance: 24, duplicate: true });
  expect(h.count("account_entries")).toBe(1);
  const other = await h.request<ErrorBody>("POST", "/api/v1/accounts/earnings", body, h.token("store:S2"));
  expect(other.status).toBe(403);
  expect(ledgerMatches(h)).toBe(true);
});

test("a redemption holds, then commits once; release frees a hold; refusals are precise and change nothing", async () => {
  const h = hq();
  await withCard(h, 100);
  const held = await redeem<Redemption>(h, { id: "r1", card: "1001", points: 60 });
  expect(held.status).toBe(201);
  expect(held.body).toMatchObject({ status: "authorised", points: 60, amountMinor: 300 });
  expect((await h.request("GET", "/api/v1/cards/1001")).body).toMatchObject({ points: 100, heldPoints: 60 });
  const over = await redeem<ErrorBody>(h, { id: "r2", card: "1001", points: 41 });
  expect(over.status).toBe(409);
  expect(over.body.error.code).toBe("OVER_BALANCE");
  expect(over.body.error.details).toMatchObject({ balance: 100, held: 60, available: 40, asked: 41 });
  const small = await redeem<ErrorBody>(h, { id: "r3", card: "1001", points: 5 });
  expect(small.status).toBe(400);
  expect(small.body.error.code).toBe("BELOW_MINIMUM");
  const reused = await redeem<ErrorBody>(h, { id: "r1", card: "1001", points: 61 });
  expect(reused.body.error.code).toBe("REDEMPTION_ID_REUSED");
  expect(h.count("redemptions")).toBe(1);
  const retry = await redeem<Redemption>(h, { id: "r1", card: "1001", points: 60 });
  expect(retry.body.status).toBe("authorised");
  expect((await h.request<Redemption>("POST", "/api/v1/accounts/redemptions/r1/commit")).body.status).toBe(
    "committed",
  );
  expect((await h.request<Redemption>("POST", "/api/v1/accounts/redemptions/r1/commit")).body.status).toBe(
    "committed",
  );
  expect((await h.request("GET", "/api/v1/cards/1001")).body).toMatchObject({ points: 40, heldPoints: 0 });
  const byAmount = await redeem<Redemption>(h, { id: "r4", card: "1001", amountMinor: 73 });
  expect(byAmount.body).toMatchObject({ points: 14, amountMinor: 70 });
  expect((await h.request<Redemption>("POST", "/api/v1/accounts/redemptions/r4/release")).body.status).toBe(
    "released",
  );
  expect((await h.request<ErrorBody>("POST", "/api/v1/accounts/redemptions/r4/commit")).body.error.code).toBe(
    "REDEMPTION_RELEASED",
  );
  expect((await h.request("GET", "/api/v1/cards/1001")).body).toMatchObject({ points: 40, heldPoints: 0 });
  await h.request("POST", "/api/v1/cards/1001/block");
  const blocked = await redeem<ErrorBody>(h, { id: "r5", card: "1001", points: 10 });
  expect(blocked.body.error.code).toBe("CARD_BLOCKED");
  expect(ledgerMatches(h)).toBe(true);
});

test("a gift card redeems money, not points", async () => {
  const h = hq();
  await h.request("POST", "/api/v1/cards", { number: "6001", kind: "gift", balanceMinor: 2_000 });
  const pts = await redeem<ErrorBody>(h, { id: "g0", card: "6001", points: 5 });
  expect(pts.body.error.code).toBe("CARD_KIND_MISMATCH");
  const r = await redeem<Redemption>(h, { id: "g1", card: "6001", storeId: "S2", amountMinor: 1_500 });
  expect(r.body).toMatchObject({ status: "authorised", points: null, amountMinor: 1_500 });
  await h.request("POST", "/api/v1/accounts/redemptions/g1/commit");
  expect((await h.request("GET", "/api/v1/cards/6001")).body).toMatchObject({ balanceMinor: 500 });
  expect(ledgerMatches(h)).toBe(true);
});

test("points expire after expiryDays, held points are not expired, and it happens once", async () => {
  const h = hq();
  await withCard(h, 0);
  await h.request("POST", "/api/v1/accounts/earnings", {
    card: "1001",
    storeId: "S1",
    saleId: "a",
    paidMinor: 5_000,
  });
  h.clock.advance(20 * 86_400_000);
  await h.request("POST", "/api/v1/accounts/earnings", {
    card: "1001",
    storeId: "S1",
    saleId: "b",
    paidMinor: 3_000,
  });
  await h.request("POST", "/api/v1/accounts/redemptions", {
    id: "r1",
    card: "1001",
    storeId: "S1",
    points: 20,
  });
  h.clock.advance(11 * 86_400_000);
  const run = await h.request("POST", "/api/v1/accounts/expire");
  expect(run.body).toMatchObject({ cards: 1, points: 30 });
  expect((await h.request("POST", "/api/v1/accounts/expire")).body).toMatchObject({ cards: 0, points: 0 });
  expect((await h.request("GET", "/api/v1/cards/1001")).body).toMatchObject({ points: 50, heldPoints: 20 });
  expect(ledgerMatches(h)).toBe(true);
});

test("bad input changes nothing: no programme, unknown card, both points and amount", async () => {
  const h = hq();
  await h.request("POST", "/api/v1/cards", { number: "1001", kind: "loyalty" });
  const noProgram = await redeem<ErrorBody>(h, { id: "r", card: "1001", points: 10 });
  expect(noProgram.status).toBe(409);
  expect(noProgram.body.error.code).toBe("NO_LOYALTY_PROGRAM");
  const unknown = await redeem<ErrorBody>(h, { id: "r", card: "4040", amountMinor: 10 });
  expect(unknown.status).toBe(404);
  const both = await h.request("POST", "/api/v1/accounts/redemptions", {
    id: "r",
    card: "1001",
    storeId: "S1",
    points: 1,
    amountMinor: 1,
  });
  expect(both.status).toBe(400);
  const badProgram = await h.request("PUT", "/api/v1/loyalty", {
    earn: { points: 1, perAmountMinor: 0 },
    pointValueMinor: 1,
  });
  expect(badProgram.status).toBe(400);
  expect(h.count("redemptions") + h.count("account_entries") + h.count("loyalty_program")).toBe(0);
});

test("parallel redemptions on one card against a real head office never overdraw it", async () => {
  await using proc = await startHq();
  const post = (path: string, body: unknown) =>
    proc.api(path, { method: "POST", body: JSON.stringify(body) });
  expect((await proc.api("/api/v1/loyalty", { method: "PUT", body: JSON.stringify(PROGRAM) })).status).toBe(
    200,
  );
  expect((await post("/api/v1/cards", { number: "1001", kind: "loyalty" })).status).toBe(201);
  await post("/api/v1/accounts/adjustments", { key: "seed", card: "1001", points: 100, reason: "welcome" });
  const answers = await Promise.all(
    Array.from({ length: 24 }, (_, i) =>
      post("/api/v1/accounts/redemptions", {
        id: `r${i}`,
        card: "1001",
        storeId: i % 2 ? "S1" : "S2",
        points: 10,
      }),
    ),
  );
  const statuses = answers.map((a) => a.status);
  expect(statuses.filter((s) => s === 201).length).toBe(10);
  expect(statuses.filter((s) => s === 409).length).toBe(14);
  const commits = await Promise.all(
    answers.flatMap((a, i) =>
      a.status === 201 ? [post(`/api/v1/accounts/redemptions/r${i}/commit`, {})] : [],
    ),
  );
  expect(commits.every((c) => c.status === 200)).toBe(true);
  const card = (await (await proc.api("/api/v1/cards/1001")).json()) as {
    points: number;
    heldPoints: number;
  };
  expect(card).toMatchObject({ points: 0, heldPoints: 0 });
});

test("only the store a redemption was authorised for commits or releases it", async () => {
  const h = hq();
  await withCard(h, 100);
  await redeem(h, { id: "r1", card: "1001", points: 10 }, h.token("store:S1"));
  const other = h.token("store:S2");
  for (const action of ["commit", "release"]) {
    const res = await h.request<ErrorBody>(
      "POST",
      `/api/v1/accounts/redemptions/r1/${action}`,
      undefined,
      other,
    );
    expect(res.status).toBe(403);
  }
  const own = await h.request<Redemption>(
    "POST",
    "/api/v1/accounts/redemptions/r1/commit",
    undefined,
    h.token("store:S1"),
  );
  expect(own.body.status).toBe("committed");
});
