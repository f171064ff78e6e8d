import { Database } from "bun:sqlite";
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { diskVerdict } from "../../src/cli/doctor/local-checks.ts";
import { type DoctorReport, doctorReportSchema } from "../../src/cli/doctor/report.ts";
import { startNats } from "../support/nats-server.ts";
import { runRingup } from "../support/ringup-cli.ts";
import { type StoreProcess, seedProducts, startStore } from "../support/store-process.ts";
import { writeTestTaxConfig } from "../support/tax-classes.ts";

const root = mkdtempSync(join(tmpdir(), "ringup-doctor-"));
let store: StoreProcess;
let storeConfig: string;

beforeAll(async () => {
  store = await startStore();
  storeConfig = await writeTestTaxConfig(store.dataDir);
  await seedProducts(store, [{ code: "A1", name: "Apple", priceMinor: 199 }]);
});
afterAll(async () => {
  await store[Symbol.asyncDispose]();
  rmSync(root, { recursive: true, force: true });
});

async function doctor(...args: string[]): Promise<{ code: number; report: DoctorReport; stdout: string }> {
  const run = await runRingup(["doctor", "--json", ...args]);
  expect(run.stderr).toBe("");
  return { code: run.code, report: doctorReportSchema.parse(JSON.parse(run.stdout)), stdout: run.stdout };
}

function check(report: DoctorReport, name: string) {
  const found = report.checks.find((c) => c.name === name);
  if (!found) throw new Error(`no ${name} check in ${JSON.stringify(report)}`);
  return found;
}

function dir(name: string): string {
  const path = join(root, name);
  mkdirSync(path, { recursive: true });
  return path;
}

function toml(name: string, values: Record<string, string>): string {
  const path = join(root, name);
  writeFileSync(
    path,
    Object.entries(values)
      .map(([k, v]) => `${k} = ${JSON.stringify(v)}`)
      .join("\n"),
  );
  return path;
}

/** A consistent copy of the running store's database in a data dir of its own. */
function copyStore(name: string): string {
  const target = dir(name);
  const db = new Database(join(store.dataDir, "store.db"), { readonly: true });
  db.exec(`VACUUM INTO '${join(target, "store.db")}'`);
  db.close();
  return target;
}

/** A self-signed certificate valid between two dates, made with openssl's `ca` (it takes any dates). */
function certificate(name: string, start: Date, end: Date): { cert: string; key: string } {
  const ca = dir(`ca-${name}`);
  writeFileSync(join(ca, "index.txt"), "");
  writeFileSync(join(ca, "serial"), "01\n");
  writeFileSync(
    join(ca, "ca.cnf"),
    "[ca]\ndefault_ca = d\n[d]\ndatabase = index.txt\nnew_certs_dir = .\nserial = serial\ndefault_md = sha256\npolicy = p\n[p]\ncommonName = supplied\n[req]\ndistinguished_name = dn\n[dn]\n",
  );
  const stamp = (d: Date) => `${d.toISOString().replace(/[-:T]/g, "").slice(0, 14)}Z`;
  const run = (argv: string[]) => {
    const p = Bun.spawnSync(argv, { cwd: ca, stdout: "pipe", stderr: "pipe" });
    if (p.exitCode !== 0) throw new Error(p.stderr.toString());
  };
  run(
    ["openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"].concat([
      "-subj",
      `/CN=${name}`,
      "-keyout",
      "key.pem",
      "-out",
      "csr.pem",
    ]),
  );
  run(
    [
      "openssl",
      "ca",
      "-batch",
      "-config",
      "ca.cnf",
      "-selfsign",
      "-keyfile",
      "key.pem",
      "-in",
      "csr.pem",
    ].concat(["-out", "cert.pem", "-startdate", stamp(start), "-enddate", stamp(end)]),
  );
  return { cert: join(ca, "cert.pem"), key: join(ca, "key.pem") };
}

const DAY = 86_400_000;

describe("ringup doctor: a store", () => {
  test("a healthy running store passes every check", async () => {
    const { code, report } = await doctor(
      "--mode",
      "store",
      "--config",
      storeConfig,
      "--data",
      store.dataDir,
    );
    expect(report.ok).toBe(true);
    expect(code).toBe(0);
    expect(check(report, "config").status).toBe("OK");
    expect(check(report, "database").status).toBe("OK");
    expect(check(report, "journal")).toMatchObject({ status: "OK" });
    expect(check(report, "journal").message).toMatch(/of [1-9]\d* events verifies/);
    expect(check(report, "disk").status).not.toBe("FAIL");
  });

  test("the mode is found from the data directory, and the human report has one line per check", async () => {
    const run = await runRingup(["doctor", "--config", storeConfig, "--data", store.dataDir]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toStartWith("OK    config: store configuration");
    expect(lines.every((l) => /^(OK|WARN|FAIL) +[a-z ]+: /.test(l))).toBe(true);
  });

  test("a corrupted copy of the database fails the integrity check", async () => {
    const data = copyStore("corrupt");
    const fd = openSync(join(data, "store.db"), "r+");
    // Pages 3 to 6 overwritten: the file header survives, the b-trees do not.
    writeSync(fd, Buffer.alloc(4 * 4096, 0x5a), 0, 4 * 4096, 2 * 4096);
    closeSync(fd);
    const { code, report } = await doctor("--mode", "store", "--config", storeConfig, "--data", data);
    expect(code).toBe(1);
    expect(report.ok).toBe(false);
    const db = check(report, "database");
    expect(db.status).toBe("FAIL");
    expect(db.fix).toContain("restore the last good backup");
  });

  test("an altered journal event fails the journal check and names it", async () => {
    const data = copyStore("altered");
    const db = new Database(join(data, "store.db"));
    db.exec("UPDATE events SET payload = json_set(payload, '$.altered', 1) WHERE seq = 1");
    db.close();
    const { code, report } = await doctor("--mode", "store", "--config", storeConfig, "--data", data);
    expect(code).toBe(1);
    expect(check(report, "database").status).toBe("OK");
    expect(check(report, "journal")).toMatchObject({ status: "FAIL" });
    expect(check(report, "journal").message).toContain("event 1");
  });

  test("an invalid configuration is a FAIL that says what is wrong", async () => {
    const config = toml("bad-store.toml", { storeId: "S-1" });
    const { code, report } = await doctor("--mode", "store", "--config", config, "--data", store.dataDir);
    expect(code).toBe(1);
    expect(check(report, "config").status).toBe("FAIL");
    expect(check(report, "config").message).toContain(`key "storeId" in ${config}`);
  });

  test("NATS: a running server passes; a stopped one and a missing credentials file fail", async () => {
    await using nats = await startNats();
    const data = copyStore("nats");
    const up = await doctor(
      "--mode",
      "store",
      "--data",
      data,
      "--config",
      toml("nats-up.toml", { nats: nats.url }),
    );
    expect(check(up.report, "nats")).toMatchObject({ status: "OK" });
    expect(check(up.report, "nats").message).toContain("answers");
    const url = nats.url;
    await nats.stop();
    const down = await doctor(
      "--mode",
      "store",
      "--data",
      data,
      "--config",
      toml("nats-down.toml", { nats: url, natsCreds: join(root, "missing.creds") }),
    );
    expect(down.code).toBe(1);
    expect(check(down.report, "nats").status).toBe("FAIL");
    expect(check(down.report, "nats").fix).toContain("start nats-server");
    expect(check(down.report, "nats credentials").status).toBe("FAIL");
  });

  test("TLS: an expired certificate fails, one about to expire warns", async () => {
    const now = Date.now();
    const expired = certificate("expired", new Date(now - 60 * DAY), new Date(now - DAY));
    const soon = certificate("soon", new Date(now - DAY), new Date(now + 10 * DAY));
    const data = copyStore("tls");
    const old = await doctor(
      "--mode",
      "store",
      "--data",
      data,
      "--config",
      toml("tls-expired.toml", { tlsCert: expired.cert, tlsKey: expired.key }),
    );
    expect(old.code).toBe(1);
    expect(check(old.report, "tls")).toMatchObject({ status: "FAIL" });
    expect(check(old.report, "tls").message).toContain("expired");
    const near = await doctor(
      "--mode",
      "store",
      "--data",
      data,
      "--config",
      toml("tls-soon.toml", { tlsCert: soon.cert, tlsKey: soon.key }),
    );
    expect(near.code).toBe(0);
    expect(check(near.report, "tls")).toMatchObject({ status: "WARN" });
    expect(check(near.report, "tls").message).toMatch(/\((9|10) days\)/);
  });
});

describe("ringup doctor: a till", () => {
  test("a till whose store answers and whose printer listens passes", async () => {
    const printer = Bun.listen({ hostname: "127.0.0.1", port: 0, socket: { data() {} } });
    try {
      const config = toml("till-ok.toml", {
        server: store.url,
        tillId: "T1",
        data: dir("till-ok"),
        printer: `tcp://127.0.0.1:${printer.port}`,
      });
      const { code, report } = await doctor("--mode", "till", "--config", config);
      expect(report.ok).toBe(true);
      expect(code).toBe(0);
      expect(check(report, "clock")).toMatchObject({ status: "OK" });
      expect(check(report, "printer")).toMatchObject({ status: "OK" });
    } finally {
      printer.stop(true);
    }
  });

  test("a skewed clock, an unreachable printer and a missing serial display fail", async () => {
    // A store whose reported time is an hour ahead of this machine's.
    const skewed = Bun.serve({
      port: 0,
      hostname: "127.0.0.1",
      fetch: () =>
        Response.json({ status: "ok", mode: "store", time: new Date(Date.now() + 3_600_000).toISOString() }),
    });
    const closed = Bun.listen({ hostname: "127.0.0.1", port: 0, socket: { data() {} } });
    const closedPort = closed.port;
    closed.stop(true);
    try {
      const config = toml("till-bad.toml", {
        server: skewed.url.href,
        tillId: "T1",
        data: dir("till-bad"),
        printer: `tcp://127.0.0.1:${closedPort}`,
        display: "serial:/dev/ringup-no-such-display",
      });
      const { code, report } = await doctor("--config", config);
      expect(code).toBe(1);
      const clock = check(report, "clock");
      expect(clock.status).toBe("FAIL");
      expect(clock.message).toMatch(/this clock is 360\d s behind the store's/);
      expect(check(report, "printer").status).toBe("FAIL");
      expect(check(report, "display")).toMatchObject({ status: "FAIL" });
      expect(check(report, "display").message).toContain("/dev/ringup-no-such-display does not exist");
    } finally {
      skewed.stop(true);
    }
  });
});

test("free disk: FAIL under 2 %, WARN under 10 % or 1 GB", () => {
  const GB = 1024 ** 3;
  expect(diskVerdict(1 * GB, 100 * GB)).toBe("FAIL");
  expect(diskVerdict(5 * GB, 100 * GB)).toBe("WARN");
  expect(diskVerdict(0.5 * GB, 2 * GB)).toBe("WARN");
  expect(diskVerdict(50 * GB, 100 * GB)).toBe("OK");
});
