/**
 * A product added at the store reaches the till at once, against a real store process: the
 * till keeps a waiting `GET /products/changes?wait=` open, so a change lands in its catalog
 * within a second; and a code the till does not know yet is asked of the store before the
 * cashier is told it is unknown (never when the store is gone, and never for a known code).
 */
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { TillController } from "../../../src/till/app/controller.ts";
import type { TillDataServices } from "../../../src/till/data/index.ts";
import { buildKeymap } from "../../../src/till/keys/index.ts";
import type { Cashier } from "../../../src/till/services.ts";
import { codeOf } from "../../core/expect-code.ts";
import { CASHIER_PIN, TILL_ID, type TillFixture, tillFixture, waitFor } from "./support/till-fixture.ts";

setDefaultTimeout(20_000);

const PRODUCTS = [{ code: "APPLE", name: "Apple", priceMinor: 100, taxClass: "1" }];

/** While true, the till's catalog sync requests hang until they are given up (a sync that never comes). */
let holdChanges = false;
/** While true, the till's look-ups at the store hang until they are given up (a store that does not answer). */
let holdLookups = false;

function hangUntilAborted(init: RequestInit | undefined): Promise<Response> {
  return new Promise((_resolve, reject) => {
    const signal = init?.signal;
    if (!signal) return;
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}

const gatedFetch = (async (input: string | URL | Request, init?: RequestInit) => {
  const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
  if (holdChanges && url.pathname === "/api/v1/products/changes") return hangUntilAborted(init);
  if (holdLookups && url.pathname === "/api/v1/products/lookup") return hangUntilAborted(init);
  return fetch(input, init);
}) as typeof fetch;

async function addAtStore(f: TillFixture, product: Record<string, unknown>): Promise<void> {
  const res = await f.store.api("/api/v1/products", { method: "POST", body: JSON.stringify(product) });
  if (!res.ok) throw new Error(`adding ${JSON.stringify(product)} failed: ${res.status} ${await res.text()}`);
}

function known(till: TillDataServices, code: string): boolean {
  try {
    till.lookup(code);
    return true;
  } catch {
    return false;
  }
}

/** A till controller over the real data layer, logged in on the sale screen. */
async function sellingController(till: TillDataServices, cashier: Cashier): Promise<TillController> {
  const controller = new TillController({ services: till, keymap: buildKeymap(), lang: "en", idleLockMs: 0 });
  controller.dispatch({ type: "login.ok", cashier });
  await waitFor(
    "the sale screen after the shift check",
    () => controller.state.screen.kind === "sale" && !controller.state.busy,
  );
  return controller;
}

/** Types a code and Enter as a scanner does; answers once it is rung or refused. */
async function scan(controller: TillController, code: string): Promise<{ rung: boolean; ms: number }> {
  const lines = controller.state.sale.lines.length;
  const started = performance.now();
  controller.dispatch({ type: "status.info", message: { key: "info.offline" } });
  controller.dispatch({ type: "input.text", text: code });
  controller.dispatch({ type: "input.submit" });
  await waitFor(
    `${code} to be rung or refused`,
    () =>
      !controller.state.busy &&
      (controller.state.sale.lines.length > lines || controller.state.status?.tone === "error"),
    5_000,
  );
  return { rung: controller.state.sale.lines.length > lines, ms: performance.now() - started };
}

describe("a product added at the store reaches the till at once", () => {
  let f: TillFixture;
  let till: TillDataServices;
  let cashier: Cashier;

  beforeAll(async () => {
    f = await tillFixture({ products: PRODUCTS, fetch: gatedFetch });
    const shift = await f.store.api("/api/v1/shifts", {
      method: "POST",
      body: JSON.stringify({ tillId: TILL_ID, floatMinor: 10_000 }),
    });
    if (shift.status !== 201) throw new Error(`opening the shift failed: ${shift.status}`);
    // The fixture's periodic sync is a minute apart: it never runs within these tests.
    till = await f.openTill();
    cashier = await till.login(CASHIER_PIN);
    await till.syncNow();
  });
  afterAll(async () => {
    await f?.[Symbol.asyncDispose]();
  });

  test("a product added at the store is in the till's catalog within a second", async () => {
    await waitFor(
      "the till to wait on catalog changes",
      () => f.sent.some((s) => s.path === "/api/v1/products/changes" && s.query.includes("wait=")),
      5_000,
    );
    expect(codeOf(() => till.lookup("PEAR"))).toBe("UNKNOWN_CODE");
    await addAtStore(f, { code: "PEAR", name: "Pear", priceMinor: 150, taxClass: "1" });
    await waitFor("PEAR in the till's catalog", () => known(till, "PEAR"), 1_000);
    expect(till.lookup("PEAR").product).toMatchObject({ name: "Pear", priceMinor: 150 });

    // And the next change too: the till waits again after each one.
    await addAtStore(f, { code: "PEAR", priceMinor: 175 });
    await waitFor(
      "PEAR's new price at the till",
      () => till.lookup("PEAR").product.priceMinor === 175,
      1_000,
    );
    expect(f.sent.some((s) => s.path === "/api/v1/products/lookup")).toBe(false);
  });

  test("a code added at the store a moment ago rings, though the till has not synced it", async () => {
    holdChanges = true;
    try {
      const controller = await sellingController(till, cashier);
      await addAtStore(f, { code: "PLUM", name: "Plum", priceMinor: 90, barcodes: ["4006381333931"] });
      expect(codeOf(() => till.lookup("PLUM"))).toBe("UNKNOWN_CODE");

      const first = await scan(controller, "4006381333931");
      expect(first.rung).toBe(true);
      expect(controller.state.sale.lines.at(-1)).toMatchObject({
        code: "PLUM",
        name: "Plum",
        unitPriceMinor: 90,
      });
      const asked = f.sent.filter((s) => s.path === "/api/v1/products/lookup").length;
      expect(asked).toBe(1);

      // Kept in the till's catalog: the next scan, by code or barcode, is local.
      expect(till.lookup("PLUM").product.name).toBe("Plum");
      expect((await scan(controller, "PLUM")).rung).toBe(true);
      expect((await scan(controller, "4006381333931")).rung).toBe(true);
      expect((await scan(controller, "APPLE")).rung).toBe(true);
      expect(f.sent.filter((s) => s.path === "/api/v1/products/lookup").length).toBe(asked);

      // A code the store does not know either is unknown, as before.
      const unknown = await scan(controller, "NOSUCH");
      expect(unknown.rung).toBe(false);
      expect(controller.state.status?.message).toMatchObject({ key: "error.unknownCode" });
      controller.dispose();
    } finally {
      holdChanges = false;
    }
  });

  test("a store that does not answer holds a miss up for a moment only", async () => {
    holdLookups = true;
    try {
      const controller = await sellingController(till, cashier);
      const miss = await scan(controller, "SLOW1");
      expect(miss.rung).toBe(false);
      expect(controller.state.status?.message).toMatchObject({ key: "error.unknownCode" });
      expect(miss.ms).toBeLessThan(1_500);
      controller.dispose();
    } finally {
      holdLookups = false;
    }
  });

  test("with the store stopped a miss says unknown at once", async () => {
    await f.store.stop();
    const controller = await sellingController(till, cashier);
    const lookupsBefore = f.sent.filter((s) => s.path === "/api/v1/products/lookup").length;
    const miss = await scan(controller, "GONE1");
    expect(miss.rung).toBe(false);
    expect(controller.state.status?.message).toMatchObject({ key: "error.unknownCode" });
    expect(miss.ms).toBeLessThan(300);
    // Known codes still ring from the till's own catalog.
    expect((await scan(controller, "APPLE")).rung).toBe(true);
    expect(f.sent.filter((s) => s.path === "/api/v1/products/lookup").length).toBeLessThanOrEqual(
      lookupsBefore + 1,
    );
    controller.dispose();
  });
});
