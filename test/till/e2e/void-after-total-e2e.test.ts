/**
 * A void after total, end to end: a real `ringup store` and `ringup till` in an 80×24 tmux pane.
 * The cashier totals, goes back and voids a line; the till asks for a supervisor's PIN (the
 * store's `approvals.voidAfterTotal`), and the sale reaches the store with the void marked as
 * after total and its proven approver, which the store checks and keeps in its audit log.
 */
import { expect, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "../../replication/support/wait.ts";
import { adminOk } from "../../support/admin-cli.ts";
import { type StoreProcess, seedProducts, startStore } from "../../support/store-process.ts";
import { haveTmux, loggedInTill } from "../support/tmux.ts";

interface AuditRow {
  action: string;
  approvedBy: string | null;
  detail: unknown;
}

/** The store's audit entries of an action, once there are some. */
function entriesOf(store: StoreProcess, action: string): Promise<AuditRow[]> {
  return waitFor(async () => {
    const { entries } = (await (await store.api("/api/v1/audit?tillId=T1")).json()) as {
      entries: AuditRow[];
    };
    const found = entries.filter((e) => e.action === action);
    return found.length > 0 ? found : null;
  }, `${action} in the store's audit log`);
}

test.skipIf(!haveTmux())(
  "a void after total takes a supervisor's PIN, and the store records it with its approver",
  async () => {
    const dir = await mkdtemp(join(tmpdir(), "ringup-void-after-total-e2e-"));
    try {
      await using store = await startStore({ storeId: "S1" });
      const products = [
        { code: "CHAIR", name: "Chair", priceMinor: 4500, taxClass: null },
        { code: "LAMP", name: "Lamp", priceMinor: 1200, taxClass: null },
      ];
      await seedProducts(store, products);
      await adminOk(store, "user", "add", "--name", "Sue", "--role", "supervisor", "--pin", "2222");
      await using till = await loggedInTill(store, "T1", join(dir, "till"));
      for (const { code, name } of products) {
        await till.type(code);
        await till.keys("Enter");
        await till.waitFor(name, `${name} on the sale`);
      }
      // Totalled, back to the sale, the last line voided: a supervisor's PIN is asked.
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

      const voids = await entriesOf(store, "line.voided");
      const { users } = (await (await store.api("/api/v1/users")).json()) as {
        users: { id: string; name: string }[];
      };
      expect(voids).toHaveLength(1);
      expect(voids[0]?.approvedBy).toBe(users.find((u) => u.name === "Sue")?.id ?? "Sue");
      const detail = voids[0]?.detail;
      expect(typeof detail === "string" ? JSON.parse(detail) : detail).toMatchObject({
        code: "LAMP",
        afterTotal: true,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
  120_000,
);
