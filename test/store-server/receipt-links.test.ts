/**
 * The receipt's copy at its link: `/r/<token>` answers the receipt to anyone holding the link
 * (the token is the capability), as a small page or as text; any other token is a plain 404,
 * and tokens are compared in constant time.
 */
import { afterEach, beforeEach, describe, expect, spyOn, test } from "bun:test";
import crypto from "node:crypto";
import { receiptLinkToken } from "../../src/shared/receipt-link.ts";
import { createTestStore, type TestStore } from "../support/store-app.ts";
import { API, recordPaidSale, seedCatalog, session } from "./sales-fixtures.ts";

let store: TestStore;
beforeEach(async () => {
  store = createTestStore({
    settings: { storeName: "Corner <Co-op>", publicUrl: "https://shop.example/receipts/" },
  });
  await seedCatalog(store);
});
afterEach(() => store.close());

async function linkKey(): Promise<Buffer> {
  const cashier = await session(store, "cashier", "1111");
  const answer = await store.request<{ key: string }>(
    "GET",
    `${API}/receipt-links/key`,
    undefined,
    cashier.token,
  );
  expect(answer.status).toBe(200);
  expect(answer.body.key).toMatch(/^[0-9a-f]{64}$/);
  return Buffer.from(answer.body.key, "hex");
}

describe("the receipt's copy at its link", () => {
  test("a till's session gets the link key; the link serves the sale as a page and as text, no token needed", async () => {
    const sale = await recordPaidSale(store, [{ code: "MILK", qty: 2 }]);
    const token = receiptLinkToken(await linkKey(), sale.id) ?? "";
    expect(token).toMatch(/^[A-Za-z0-9_-]{38}$/);

    const page = await store.request<string>("GET", `/r/${token}`, undefined, null);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    expect(page.headers.get("cache-control")).toContain("no-store");
    expect(page.body).toStartWith("<!doctype html>");
    // Self-contained: nothing loaded from anywhere.
    expect(page.body).not.toMatch(/<(script|link|img)\b|src=|href=/i);
    expect(page.body).toContain("Corner &lt;Co-op&gt;");
    expect(page.body).not.toContain("Corner <Co-op>");
    expect(page.body).toContain(sale.receiptNo);
    expect(page.body).toContain("Milk 1l");

    const text = await store.request<string>("GET", `/r/${token}?format=text`, undefined, null);
    expect(text.status).toBe(200);
    expect(text.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(text.body).toContain("Corner <Co-op>");
    expect(text.body).toContain(sale.receiptNo);
    expect(text.body).toContain("Milk 1l");
  });

  test("a wrong, altered or malformed token is a plain 404; the tag is compared in constant time", async () => {
    const sale = await recordPaidSale(store, [{ code: "MILK", qty: 1 }]);
    const key = await linkKey();
    const token = receiptLinkToken(key, sale.id) ?? "";
    const last = token.at(-1) === "A" ? "B" : "A";
    const altered = `${token.slice(0, -1)}${last}`;
    const otherSale = receiptLinkToken(Buffer.alloc(32, 7), sale.id) ?? "";
    const compare = spyOn(crypto, "timingSafeEqual");
    try {
      for (const bad of [altered, otherSale, `${token}x`, "nothing", token.slice(0, 22)]) {
        const answer = await store.request<{ error: { code: string } }>("GET", `/r/${bad}`, undefined, null);
        expect(answer.status).toBe(404);
        expect(answer.body.error.code).toBe("RECEIPT_NOT_FOUND");
      }
      // Well-formed tokens reach the comparison of whole tags, however early they differ.
      expect(compare).toHaveBeenCalledTimes(2);
      for (const [a, b] of compare.mock.calls) expect((a as Buffer).length).toBe((b as Buffer).length);
    } finally {
      compare.mockRestore();
    }
    // A token of a sale the store does not have is the same 404.
    const stranger = receiptLinkToken(key, "0193a8f4-6c1e-7c3a-9b2e-5d4f3a2b1c0d");
    expect((await store.request("GET", `/r/${stranger}`, undefined, null)).status).toBe(404);
  });

  test("the link key is for tills and admins only", async () => {
    expect((await store.request("GET", `${API}/receipt-links/key`, undefined, null)).status).toBe(401);
  });
});
