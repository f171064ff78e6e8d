/**
 * A custom role at a real till (the compiled binary in tmux, against a store fed by head office
 * over NATS): the deli counter's role has no `refund`, so the menu marks returns, choosing them
 * says the role lacks the permission, and a refund it rings asks for an approver, its own PIN is refused in the cashier's words, and a shift lead whose custom role
 * holds `refund` approves it.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Chain, startChain } from "../../replication/support/chain.ts";
import { waitFor } from "../../replication/support/wait.ts";
import { adminOk } from "../../support/admin-cli.ts";
import { haveTmux, startTillInTmux } from "../support/tmux.ts";

setDefaultTimeout(180_000);

let chain: Chain;
let tillData = "";
beforeAll(async () => {
  chain = await startChain({ storeIds: ["S1"] });
  tillData = await mkdtemp(join(tmpdir(), "ringup-roles-"));
}, 90_000);
afterAll(async () => {
  await chain?.[Symbol.asyncDispose]();
  if (tillData) await rm(tillData, { recursive: true, force: true });
}, 60_000);

async function hq(path: string, body: unknown): Promise<void> {
  const res = await chain.hq.api(path, { method: "POST", body: JSON.stringify(body) });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
}

test.skipIf(!haveTmux())(
  "a role without refund asks for an approver, and one whose role has it approves",
  async () => {
    await hq("/api/v1/roles", { id: "deli", name: "Deli counter", permissions: ["sell", "discount"] });
    await hq("/api/v1/roles", { id: "lead", name: "Shift lead", permissions: ["sell", "refund"] });
    await hq("/api/v1/users", { name: "Dee", role: "deli", pin: "5102", storeIds: ["S1"] });
    await hq("/api/v1/users", { name: "Lea", role: "lead", pin: "5103", storeIds: ["S1"] });
    const store = chain.store("S1");
    await waitFor(async () => {
      const { users } = (await (await store.api("/api/v1/users")).json()) as { users: unknown[] };
      return users.length === 2;
    }, "the users at the store");
    await adminOk(store, "shift", "open", "--till", "T1", "--float", "100");

    await using till = await startTillInTmux(store.url, "T1", tillData);
    await till.type("5102");
    await till.keys("Enter");
    await till.waitFor("Hello, Dee", "Dee's log-in");
    await till.type("A1");
    await till.keys("Enter");
    await till.waitFor("Apple juice", "the line");
    await till.keys("F10");
    await till.waitFor("Payment", "the payment screen");
    await till.type("5");
    await till.keys("Enter");
    const paid = await till.waitFor(/Receipt (S1-T1-\d+)/, "the receipt number");
    const receiptNo = /Receipt (S1-T1-\d+)/.exec(paid)?.[1] ?? "";

    await till.keys("F9");
    // The menu marks what the role may not do alone; chosen, it says which permission it lacks.
    await till.waitFor("(supervisor)", "the menu marking returns");
    await till.type("1");
    await till.waitFor("Your role has no refund permission", "the role's lack of refund said");
    await till.waitFor("Receipt number", "the returns prompt");
    await till.type(receiptNo);
    await till.keys("Enter");
    await till.waitFor(`Sale ${receiptNo}`, "the sale to return");
    await till.keys("Tab");
    await till.keys("F10");
    await till.waitFor("Supervisor PIN to allow: refund", "the approval prompt");
    await till.type("5102");
    await till.keys("Enter");
    // At a PIN the till never says whose it is: refused like a wrong one.
    await till.waitFor("PIN refused", "Dee's own PIN refused");
    await till.type("5103");
    await till.keys("Enter");
    await till.waitFor("Refund recorded", "the refund approved by Lea");

    const audit = await store.api("/api/v1/audit?action=approval.granted");
    const { entries } = (await audit.json()) as { entries: { approvedBy: string | null; detail: unknown }[] };
    expect(entries.some((e) => JSON.stringify(e.detail).includes("refund"))).toBe(true);
  },
);
