/**
 * `ringup hq customers import` against a real head office: a generic CSV and CORE-POS
 * `custdata.csv`, bad rows named by their line, progress on stderr, and a second import of the
 * same file changing nothing.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ringup } from "../security/support.ts";
import { type HqProcess, startHq } from "../support/hq-process.ts";

setDefaultTimeout(60_000);

const ROOT = resolve(import.meta.dir, "../..");
const CUSTDATA = resolve(ROOT, "../shared/data/corepos/custdata.csv");

let hq: HqProcess;
let dir = "";
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ringup-customers-import-"));
  hq = await startHq();
});
afterAll(async () => {
  await hq?.[Symbol.asyncDispose]();
  rmSync(dir, { recursive: true, force: true });
});

function importFile(...args: string[]) {
  return ringup(["hq", "customers", "import", ...args, "--server", hq.url], { RINGUP_TOKEN: hq.token });
}

test("a CSV with a header: customers, answers, consents and groups; bad rows by line; again changes nothing", async () => {
  await hq.json("/api/v1/customer-fields", {
    method: "POST",
    body: JSON.stringify({ id: "diet", label: "Diet", type: "text" }),
  });
  await hq.json("/api/v1/customer-groups", {
    method: "POST",
    body: JSON.stringify({ id: "staff", name: "Staff" }),
  });
  const file = join(dir, "customers.csv");
  writeFileSync(
    file,
    [
      "id,name,phone,email,groups,field:diet,consent:email",
      "k1,Kim Park,+1 555 010 0101,kim@example.com,staff,vegan,yes",
      "k2,Lee Ray,,not-an-email,,,",
      "k3,Max Ode,,,,,maybe",
      "k4,Noa Ek,,,,,no",
    ].join("\n"),
  );
  const first = await importFile(file);
  expect(first.code).toBe(1);
  expect(first.stdout).toContain("line 3: email:");
  expect(first.stdout).toContain('line 4: consent:email: "maybe" is not yes or no');
  expect(first.stdout).toContain("2 created, 0 updated, 0 unchanged, 2 refused");
  expect(first.stderr).toContain("customers: 3/3 rows sent");
  const kim = await hq.json<{ groups: string[]; fields: unknown; consents: unknown; phone: string }>(
    "/api/v1/customers/k1",
  );
  expect(kim).toMatchObject({
    groups: ["staff"],
    fields: { diet: "vegan" },
    consents: { email: true },
    phone: "+15550100101",
  });
  const second = await importFile(file);
  expect(second.stdout).toContain("0 created, 0 updated, 2 unchanged, 2 refused");
});

test.skipIf(!existsSync(CUSTDATA))(
  "CORE-POS custdata.csv: every named row once, members in a group; a second import changes nothing",
  async () => {
    await hq.json("/api/v1/customer-groups", {
      method: "POST",
      body: JSON.stringify({ id: "members", name: "Members" }),
    });
    const first = await importFile(CUSTDATA, "--format", "corepos", "--member-group", "members");
    // CORE-POS's account 11 (the non-member account) has no name: refused, named by its line.
    const line = (await Bun.file(CUSTDATA).text()).split("\n").findIndex((l) => l.startsWith("11,1,,,")) + 1;
    expect(first.stderr).toContain("customers: 999/999 rows sent");
    expect(first.stdout).toContain(`line ${line}: no name`);
    expect(first.stdout).toContain("999 created, 0 updated, 0 unchanged, 1 refused");
    const found = await hq.json<{ customers: { id: string; name: string; groups: string[] }[] }>(
      "/api/v1/customers?name=strother",
    );
    expect(found.customers).toContainEqual(
      expect.objectContaining({ id: "corepos-654-1", name: "Delinda Strother", groups: ["members"] }),
    );
    const second = await importFile(CUSTDATA, "--format", "corepos", "--member-group", "members");
    expect(second.stdout).toContain("0 created, 0 updated, 999 unchanged, 1 refused");
  },
);

test.skipIf(!existsSync(CUSTDATA))(
  "CORE-POS custdata.csv with --members: each paid member account's first person is a co-op member by card number",
  async () => {
    const first = await importFile(CUSTDATA, "--format", "corepos", "--members");
    expect(first.stdout).toContain("388 members");
    const member = await hq.json<{ number: string; since: string | null; equityDueMinor: number }>(
      "/api/v1/customers/corepos-654-1/member",
    );
    expect(member).toMatchObject({ number: "654", since: null, equityDueMinor: 0 });
    // Equity set at head office since is kept by a second import.
    await hq.json("/api/v1/customers/corepos-654-1/member", {
      method: "PUT",
      body: JSON.stringify({ number: "654", equityDueMinor: 17_500 }),
    });
    const second = await importFile(CUSTDATA, "--format", "corepos", "--members");
    expect(second.stdout).toContain("388 members");
    const report = await hq.json<{ members: { number: string; dueMinor: number }[] }>(
      "/api/v1/reports/equity",
    );
    expect(report.members).toHaveLength(388);
    expect(report.members).toContainEqual(expect.objectContaining({ number: "654", dueMinor: 17_500 }));
  },
);
