/**
 * Store settings at a till's start and later: a till with no settings yet asks the store
 * briefly before its screens come up (never longer than STARTUP_SETTINGS_TIMEOUT_MS, and not at
 * all when it has a cached copy); settings changed at the store reach the till with the next
 * sync and notify the screens.
 */
import { Database } from "bun:sqlite";
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tillDbPath } from "../../../src/till/data/index.ts";
import { CASHIER_PIN, type TillFixture, tillFixture } from "./support/till-fixture.ts";

/** Requests the silent network gave up on at their deadline. */
let abandoned = 0;

/** A network on which the store never answers: requests hang until their deadline. */
const silent = ((_input: string | URL | Request, init?: RequestInit) =>
  new Promise<Response>((_resolve, reject) => {
    const signal = init?.signal;
    signal?.addEventListener(
      "abort",
      () => {
        abandoned++;
        reject(signal.reason);
      },
      { once: true },
    );
  })) as typeof fetch;

describe("till settings at start and after", () => {
  let configDir: string;
  let config: string;
  let f: TillFixture;
  let network: typeof fetch = fetch;

  beforeAll(async () => {
    configDir = await mkdtemp(join(tmpdir(), "ringup-till-settings-"));
    config = join(configDir, "store.toml");
    await writeFile(config, 'storeName = "Corner Co-op"\ncurrency = "EUR"\n');
    f = await tillFixture({
      products: [{ code: "4011", name: "Bananas", priceMinor: 69 }],
      storeArgs: ["--config", config],
      fetch: ((input: string | URL | Request, init?: RequestInit) => network(input, init)) as typeof fetch,
    });
  });
  afterAll(async () => {
    await f?.[Symbol.asyncDispose]();
    await rm(configDir, { recursive: true, force: true });
  });

  const settingsRequests = () => f.sent.filter((s) => s.path === "/api/v1/settings").length;

  test("a brand-new till whose store does not answer comes up within the short deadline, with defaults", async () => {
    network = silent;
    try {
      const before = abandoned;
      // Ordinary requests would wait ten minutes: the till comes up (well inside the test's
      // time) only because the start-up question has its own short deadline.
      const till = await f.openTill({ requestTimeoutMs: 600_000 });
      expect(abandoned).toBe(before + 1);
      expect(till.settings().storeName).toBe("Ringup store");
      expect(f.sent[0]?.path).toBe("/health");
      await till.close();
    } finally {
      network = fetch;
    }
  });

  test("a brand-new till started while its store was down shows the store's name once the store answers", async () => {
    network = silent;
    const till = await f.openTill({ requestTimeoutMs: 1_000 });
    try {
      expect(till.settings().storeName).toBe("Ringup store");
      network = fetch;
      await till.syncNow();
      expect(till.settings().storeName).toBe("Corner Co-op");
    } finally {
      network = fetch;
      await till.close();
    }
  });

  test("a brand-new till shows the store's name before anyone logs in, and keeps nothing until the first sync", async () => {
    const till = await f.openTill();
    expect(till.settings().storeName).toBe("Corner Co-op");
    // Only the name is known yet: the currency comes with the first sync after a log-in.
    expect(till.settings().currency).toBe("USD");
    await till.close();
    const db = new Database(tillDbPath(f.tillDir), { readonly: true });
    try {
      expect(db.query("SELECT value FROM meta WHERE key = 'settings'").get()).toBeNull();
    } finally {
      db.close();
    }
  });

  test("the first log-in and sync bring the store's settings and tell the screens", async () => {
    const till = await f.openTill();
    let notified = 0;
    const stop = till.subscribe(() => notified++);
    await till.login(CASHIER_PIN);
    await till.syncNow();
    stop();
    expect(till.settings().storeName).toBe("Corner Co-op");
    expect(till.settings().currency).toBe("EUR");
    expect(notified).toBeGreaterThan(0);
    await till.close();
  });

  test("a till with cached settings uses them at once and does not ask the store first", async () => {
    network = silent;
    try {
      const before = settingsRequests();
      const till = await f.openTill({ requestTimeoutMs: 5_000 });
      expect(till.settings().storeName).toBe("Corner Co-op");
      // The sync in the background hangs on GET /health; no settings request went out first.
      expect(settingsRequests()).toBe(before);
      await till.close();
    } finally {
      network = fetch;
    }
  });

  test("a till that lost its cached settings but kept its session has the store's before it answers", async () => {
    const db = new Database(tillDbPath(f.tillDir), { strict: true });
    db.run("DELETE FROM meta WHERE key = 'settings'");
    db.close();
    const before = f.sent.length;
    const till = await f.openTill();
    expect(till.settings().storeName).toBe("Corner Co-op");
    expect(f.sent[before]?.path).toBe("/api/v1/settings");
    expect(f.sent[before]?.outcome).toBe(200);
    await till.close();
  });

  test("settings changed at the store reach a running till with the next sync and notify the screens", async () => {
    const till = await f.openTill();
    await till.syncNow();
    expect(till.settings().storeName).toBe("Corner Co-op");
    await writeFile(config, 'storeName = "Corner Co-op Deli"\ncurrency = "EUR"\n');
    await f.store.restart();
    let notified = 0;
    const stop = till.subscribe(() => notified++);
    await till.syncNow();
    stop();
    expect(till.settings().storeName).toBe("Corner Co-op Deli");
    expect(notified).toBeGreaterThan(0);
    expect(till.lookup("4011").product.priceMinor).toBe(69);
    await till.close();
  });
});
