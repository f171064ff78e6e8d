/**
 * A stock document is posted whole or not at all: `kill -9` the real store process while it
 * posts a 500-line receipt, restart, and find the document either posted with all its
 * movements and its journal event, or still a draft with none — never partly — and the journal
 * still verifies; the same request sent again then posts it once. Repeated with kills at
 * different moments of the post.
 */
import { Database } from "bun:sqlite";
import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { uuidv7 } from "../../src/core/ids.ts";
import { seedProducts, startStore } from "../support/store-process.ts";

const LINES = 500;
const ROUNDS = 5;
const PRODUCTS = Array.from({ length: LINES }, (_, i) => ({
  code: `P${String(i).padStart(4, "0")}`,
  name: `Product ${i}`,
  priceMinor: 100 + i,
}));

function receipt(id: string, post: boolean) {
  return {
    id,
    type: "receipt",
    post,
    reason: "delivery",
    lines: PRODUCTS.map((p, i) => ({ code: p.code, qty: (i % 7) + 1, unitCostMinor: 50 + i })),
  };
}

interface Outcome {
  status: string | null;
  movements: number;
  events: number;
  levelMilli: number;
}

function outcomeOf(dbFile: string, id: string): Outcome {
  using db = new Database(dbFile, { readonly: true });
  const n = (sql: string) => db.query<{ n: number }, [string]>(sql).get(id)?.n ?? -1;
  return {
    status:
      db.query<{ status: string }, [string]>("SELECT status FROM stock_documents WHERE id = ?").get(id)
        ?.status ?? null,
    movements: n("SELECT COUNT(*) AS n FROM stock_movements WHERE ref_id = ?"),
    events: n(
      "SELECT COUNT(*) AS n FROM events WHERE type = 'stock.document_posted' AND json_extract(payload, '$.id') = ?",
    ),
    levelMilli: n("SELECT COALESCE(SUM(on_hand_milli), 0) AS n FROM stock_levels WHERE ? IS NOT NULL"),
  };
}

describe("ringup store process: kill -9 while a 500-line receipt posts", () => {
  test("the receipt is posted entirely or not at all, and the journal verifies", async () => {
    await using store = await startStore();
    await seedProducts(store, PRODUCTS);
    const dbFile = join(store.dataDir, "store.db");
    const perDocMilli = PRODUCTS.reduce((sum, _p, i) => sum + ((i % 7) + 1) * 1000, 0);

    // How long an uninterrupted post takes here: the kills are spread over that time.
    const warm = uuidv7();
    expect(
      (
        await store.api("/api/v1/stock/documents", {
          method: "POST",
          body: JSON.stringify(receipt(warm, false)),
        })
      ).ok,
    ).toBe(true);
    const began = performance.now();
    expect((await store.api(`/api/v1/stock/documents/${warm}/post`, { method: "POST" })).status).toBe(200);
    const postMs = Math.max(2, performance.now() - began);
    let expectedMilli = perDocMilli;

    for (let round = 0; round < ROUNDS; round++) {
      const id = uuidv7();
      // Odd rounds post a draft; even rounds create and post in one request.
      const inOne = round % 2 === 0;
      if (!inOne) {
        const draft = await store.api("/api/v1/stock/documents", {
          method: "POST",
          body: JSON.stringify(receipt(id, false)),
        });
        expect(draft.ok).toBe(true);
      }
      const posting = inOne
        ? store.api("/api/v1/stock/documents", { method: "POST", body: JSON.stringify(receipt(id, true)) })
        : store.api(`/api/v1/stock/documents/${id}/post`, { method: "POST" });
      let answered = false;
      const settled = posting.then(
        (res) => {
          answered = res.ok;
        },
        () => undefined,
      );
      const delayMs = Math.random() * postMs * 1.2;
      await Bun.sleep(delayMs);
      await store.kill9();
      await settled;
      await store.restart();

      const after = outcomeOf(dbFile, id);
      if (after.status === "posted") {
        expect(after).toMatchObject({ movements: LINES, events: 1 });
        expectedMilli += perDocMilli;
      } else {
        expect(answered).toBe(false);
        expect(after).toMatchObject({ movements: 0, events: 0 });
        expect(after.status === null || after.status === "draft").toBe(true);
        expect(after.levelMilli).toBe(expectedMilli);
        // The same request again posts it, once.
        const retry = inOne
          ? await store.api("/api/v1/stock/documents", {
              method: "POST",
              body: JSON.stringify(receipt(id, true)),
            })
          : await store.api(`/api/v1/stock/documents/${id}/post`, { method: "POST" });
        expect(retry.ok).toBe(true);
        expect(outcomeOf(dbFile, id)).toMatchObject({ status: "posted", movements: LINES, events: 1 });
        expectedMilli += perDocMilli;
      }
      expect(outcomeOf(dbFile, id).levelMilli).toBe(expectedMilli);

      const verified = await store.api("/api/v1/journal/verify");
      expect(verified.status).toBe(200);
      expect(await verified.json()).toMatchObject({ ok: true });
    }
  }, 180_000);
});
