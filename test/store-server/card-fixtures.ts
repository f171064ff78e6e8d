/** Cards at a test store linked to an in-process head office: issue, read, cut the link. */
import { expect } from "bun:test";
import { storeCards } from "../../schema/store.ts";
import { accountsLink } from "../../src/store-server/card-tenders/accounts-link.ts";
import { CardTendersService } from "../../src/store-server/card-tenders/service.ts";
import { SalesService } from "../../src/store-server/sales/service.ts";
import type { TestHq } from "../support/hq-app.ts";
import { createTestStore, type TestStore } from "../support/store-app.ts";
import { API, saleBody, seedCatalog } from "./sales-fixtures.ts";

export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}
export interface CardAtHq {
  balanceMinor: number;
  points: number;
  heldMinor: number;
  heldPoints: number;
}

/** A link to head office that can be cut: while cut, every call fails as a network error. */
export function linkTo(hq: TestHq, storeId: string) {
  const state = { cut: false };
  const link = accountsLink({
    url: "http://hq.test",
    token: hq.token(`store:${storeId}`),
    timeoutMs: 2_000,
    fetch: (async (input: string | URL | Request, init?: RequestInit) => {
      if (state.cut) throw new TypeError("connect ECONNREFUSED 127.0.0.1:1");
      return hq.app.handle(new Request(String(input instanceof Request ? input.url : input), init));
    }) as typeof fetch,
  });
  return { link, state };
}

export async function setUp(hq: TestHq, storeId = "S1", offlineAllowanceMinor = 600) {
  const store = createTestStore({ storeId, settings: { offlineAllowanceMinor } });
  await seedCatalog(store);
  const { link, state } = linkTo(hq, storeId);
  store.ctx.accounts = link;
  return { store, state, cards: new CardTendersService(store.ctx, new SalesService(store.ctx)) };
}

/** Issues a card at head office and gives the store its copy (as replication would). */
export async function issue(
  hq: TestHq,
  stores: TestStore[],
  number: string,
  kind: "gift" | "loyalty",
  balanceMinor = 0,
  customerId: string | null = null,
) {
  const res = await hq.request("POST", `${API}/cards`, {
    number,
    kind,
    ...(balanceMinor > 0 ? { balanceMinor } : {}),
    ...(customerId !== null ? { customerId } : {}),
  });
  expect(res.status).toBe(201);
  for (const store of stores) {
    store.ctx.db
      .insert(storeCards)
      .values({
        number,
        kind,
        customerId,
        blocked: false,
        replacedBy: null,
        expiresAt: null,
        points: 0,
        balanceMinor,
        asOf: "2026-03-02T15:00:00.000Z",
      })
      .run();
  }
}

export async function cardAtHq(hq: TestHq, number: string): Promise<CardAtHq> {
  return (await hq.request<CardAtHq & Record<string, unknown>>("GET", `${API}/cards/${number}`)).body;
}

/** A loyalty programme (a point is worth 3), and a loyalty card at head office with `points`. */
export async function loyaltyCard(hq: TestHq, stores: TestStore[], number: string, points = 0) {
  await hq.request("PUT", `${API}/loyalty`, {
    earn: { points: 1, perAmountMinor: 1_000 },
    pointValueMinor: 3,
  });
  await issue(hq, stores, number, "loyalty");
  if (points > 0) {
    await hq.request("POST", `${API}/accounts/adjustments`, {
      key: "seed",
      card: number,
      points,
      reason: "seed",
    });
  }
}

/** Two loaves of bread (550, untaxed) paid with `tenders`. */
export function sellBread(store: TestStore, tenders: Record<string, unknown>[]) {
  return store.request<ErrorBody & { id: string }>(
    "POST",
    `${API}/sales`,
    saleBody([{ code: "BREAD", qty: 2 }], tenders as { type: string; amountMinor: number }[]),
  );
}
