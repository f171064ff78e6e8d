/**
 * A void after total, end to end: a real `ringup store` and `ringup till` in an 80×24 tmux pane.
 * The cashier totals, goes back and voids a line; the till asks for a supervisor's PIN (the
 * store's `approvals.voidAfterTotal`), and the sale reaches the store with the void marked as
 * after total and its proven approver, which the store checks and keeps in its audit log.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "../../replication/support/wait.ts";
import { adminOk } from "../../support/admin-cli.ts";
import { type StoreProcess, seedProducts, startStore } from "../../support/store-process.ts";
import { haveTmux, loggedInTill, type TmuxSession } from "../support/tmux.ts";

if (!haveTmux()) console.warn("void after total end-to-end test skipped: tmux is not installed");

interface AuditRow {
  action: string;
  userId: string | null;
  approvedBy: string | null;
  refId: string | null;
  detail: unknown;
}

describe.if(haveTmux())("a void after total at the till", () => {
  let store: StoreProcess;
  let dir: string;
  let till: TmuxSession;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ringup-void-after-total-e2e-"));
    store = await startStore({ storeId: "S1" });
    await seedProducts(store, [
      { code: "CHAIR", name: "Chair", priceMinor: 4500, taxClass: null },
      { code: "LAMP", name: "Lamp", priceMinor: 1200, taxClass: null },
    ]);
    await adminOk(store, "user", "add", "--name", "Sue", "--role", "supervisor", "--pin", "2222");
    till = await loggedInTill(store, "T1", join(dir, "till"));
  }, 120_000);

  afterAll(async () => {
    await till?.[Symbol.asyncDispose]();
    await store?.[Symbol.asyncDispose]();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test("takes a supervisor's PIN, and the store records the void with its approver", async () => {
    await till.type("CHAIR");
    await till.keys("Enter");
    await till.waitFor("Chair", "the chair on the sale");
    await till.type("LAMP");
    await till.keys("Enter");
    await till.waitFor("Lamp", "the lamp on the sale");
    await till.keys("F10");
    await till.waitFor("Payment", "the payment screen");
    await till.keys("Escape");
    await till.keys("F3");
    await till.waitFor("Supervisor PIN", "the approval prompt");
    await till.type("2222");
    await till.keys("Enter");
    await till.waitFor("voided", "the lamp voided");
    await till.keys("F10");
    await till.waitFor("Payment", "the payment screen again");
    await till.keys("Enter");
    await till.waitFor("Sale complete", "the sale paid in cash");

    const voids = await waitFor(async () => {
      const res = await store.api("/api/v1/audit?tillId=T1");
      const { entries } = (await res.json()) as { entries: AuditRow[] };
      const found = entries.filter((e) => e.action === "line.voided");
      return found.length > 0 ? found : null;
    }, "the void in the store's audit log");
    const users = (await (await store.api("/api/v1/users")).json()) as {
      users: { id: string; name: string }[];
    };
    const sue = users.users.find((u) => u.name === "Sue");
    expect(voids).toHaveLength(1);
    expect(voids[0]).toMatchObject({ approvedBy: sue?.id });
    const detail = voids[0]?.detail;
    expect(typeof detail === "string" ? JSON.parse(detail) : detail).toMatchObject({
      code: "LAMP",
      afterTotal: true,
    });
  }, 120_000);
});
