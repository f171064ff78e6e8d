import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { installService, type ServiceSystem } from "../../src/cli/service/install.ts";
import { runRingup } from "../support/ringup-cli.ts";
import { ringupCommand } from "../support/store-process.ts";

const root = mkdtempSync(join(tmpdir(), "ringup-service-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** An existing user, so that the tests make none. */
const USER = "daemon";

/** `systemd-analyze verify` on a unit file: its exit code and what it said about our unit. */
function verify(path: string): { code: number; aboutUnit: string[] } {
  const proc = Bun.spawnSync(["systemd-analyze", "verify", "--man=no", path], {
    stdout: "pipe",
    stderr: "pipe",
  });
  const said = `${proc.stdout.toString()}${proc.stderr.toString()}`;
  const name = path.split("/").pop() ?? path;
  return { code: proc.exitCode, aboutUnit: said.split("\n").filter((l) => l.includes(name)) };
}

function unitLines(text: string): string[] {
  return text.split("\n").filter((l) => !l.startsWith("#"));
}

describe("ringup service install", () => {
  for (const mode of ["store", "hq", "till"] as const) {
    test(`${mode}: writes a unit that systemd-analyze verify accepts without a warning`, async () => {
      const unitDir = join(root, `units-${mode}`);
      const data = join(root, `data-${mode}`);
      const config = join(root, `${mode}.toml`);
      writeFileSync(config, "");
      const run = await runRingup([
        "service",
        "install",
        "--mode",
        mode,
        "--config",
        config,
        "--data",
        data,
        "--user",
        USER,
        "--unit-dir",
        unitDir,
        "--no-enable",
        ...(mode === "till" ? ["--tty", "tty3"] : []),
      ]);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("not enabled (--no-enable)");
      const path = join(unitDir, `ringup-${mode}.service`);
      expect(run.stdout).toContain(`wrote ${path}`);
      const lines = unitLines(readFileSync(path, "utf8"));
      const exec = [...ringupCommand(), mode, "--config", config, "--data", data].join(" ");
      expect(lines).toContain(`ExecStart=${exec}`);
      expect(lines).toContain(`User=${USER}`);
      expect(lines).toContain(`ReadWritePaths=${data}`);
      expect(lines).toContain("WantedBy=multi-user.target");
      for (const hardening of [
        "NoNewPrivileges=yes",
        "ProtectSystem=strict",
        "ProtectHome=yes",
        "PrivateTmp=yes",
        "ProtectKernelTunables=yes",
        "ProtectControlGroups=yes",
        "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX",
        "LockPersonality=yes",
      ]) {
        expect(lines).toContain(hardening);
      }
      // Bun's JIT needs writable and executable memory.
      expect(lines.some((l) => l.startsWith("MemoryDenyWriteExecute"))).toBe(false);
      if (mode === "till") {
        for (const line of [
          "Conflicts=getty@tty3.service",
          "StandardInput=tty",
          "StandardOutput=tty",
          "TTYPath=/dev/tty3",
          "TTYReset=yes",
          "TTYVHangup=yes",
          "TTYVTDisallocate=yes",
          "Restart=always",
          "SupplementaryGroups=dialout lp tty",
        ]) {
          expect(lines).toContain(line);
        }
        expect(lines.find((l) => l.startsWith("After="))).toContain("getty@tty3.service");
      } else {
        expect(lines).toContain("Restart=on-failure");
        expect(lines).toContain("StandardOutput=journal");
      }
      // The data dir is made for the service's user, readable by it alone.
      expect(statSync(data).mode & 0o777).toBe(0o700);
      const verdict = verify(path);
      expect(verdict.aboutUnit).toEqual([]);
      expect(verdict.code).toBe(0);
    });
  }

  test("the verify check sees a unit systemd would complain about", () => {
    const dir = join(root, "bad");
    Bun.spawnSync(["mkdir", "-p", dir]);
    const path = join(dir, "ringup-bad.service");
    writeFileSync(path, "[Service]\nExecStart=/bin/true\nHardenEverything=yes\n");
    expect(verify(path).aboutUnit.join("\n")).toContain("Unknown key 'HardenEverything'");
  });

  test("a data dir under /var/lib becomes the unit's StateDirectory", async () => {
    const run = await runRingup(["service", "install", "--mode", "store", "--dry-run"]);
    expect(run.code).toBe(0);
    const lines = unitLines(run.stdout);
    expect(lines).toContain("StateDirectory=ringup/store");
    expect(lines.find((l) => l.startsWith("ExecStart="))).toEndWith("store --data /var/lib/ringup/store");
  });

  test("refuses to run the service as root or nobody", async () => {
    for (const user of ["root", "nobody"]) {
      const run = await runRingup(["service", "install", "--mode", "hq", "--user", user, "--dry-run"]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("--user must be a user of its own");
    }
  });

  test("refuses a data dir in a home directory, which ProtectHome hides from the service", async () => {
    const run = await runRingup([
      "service",
      "install",
      "--mode",
      "store",
      "--data",
      "/home/shop/data",
      "--dry-run",
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("ProtectHome=yes");
  });

  test("status lists the installed units, uninstall removes one and keeps its data", async () => {
    const unitDir = join(root, "units-cycle");
    const data = join(root, "data-cycle");
    const install = await runRingup([
      "service",
      "install",
      "--mode",
      "store",
      "--data",
      data,
      "--user",
      USER,
      "--unit-dir",
      unitDir,
      "--no-enable",
    ]);
    expect(install.code).toBe(0);
    const status = await runRingup(["service", "status", "--unit-dir", unitDir]);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^ringup-store\.service\s+\S/m);
    const removed = await runRingup([
      "service",
      "uninstall",
      "--mode",
      "store",
      "--unit-dir",
      unitDir,
      "--no-disable",
    ]);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain("the data directory and the user are kept");
    expect(existsSync(join(unitDir, "ringup-store.service"))).toBe(false);
    expect(existsSync(data)).toBe(true);
    const after = await runRingup(["service", "status", "--unit-dir", unitDir]);
    expect(after.stdout).toContain("no ringup service is installed");
  });
});

describe("enabling the service", () => {
  function machine(systemd: boolean): ServiceSystem & { calls: string[] } {
    const calls: string[] = [];
    return {
      calls,
      systemdRunning: () => systemd,
      run(argv) {
        calls.push(argv.join(" "));
        // Users are looked up for real; nothing else is run.
        if (argv[0] !== "id") return { code: 0, output: "" };
        const id = Bun.spawnSync([...argv], { stdout: "pipe", stderr: "pipe" });
        return { code: id.exitCode, output: id.stdout.toString().trim() };
      },
    };
  }
  const options = (name: string) => ({
    mode: "store" as const,
    data: join(root, `data-${name}`),
    user: USER,
    tty: "tty1",
    unitDir: join(root, `units-${name}`),
    dryRun: false,
    enable: true,
  });

  test("reloads systemd and enables the unit with --now", () => {
    const out: string[] = [];
    const system = machine(true);
    installService(options("enable"), { out: (t) => out.push(t), err: (t) => out.push(t) }, system);
    expect(system.calls.filter((c) => c.startsWith("systemctl"))).toEqual([
      "systemctl daemon-reload",
      "systemctl enable --now ringup-store.service",
    ]);
    expect(out.join("\n")).toContain("journalctl -u ringup-store.service");
  });

  test("says so when systemd is not running, and how to enable it where it is", () => {
    const out: string[] = [];
    const system = machine(false);
    installService(options("nosystemd"), { out: (t) => out.push(t), err: (t) => out.push(t) }, system);
    expect(system.calls.some((c) => c.startsWith("systemctl"))).toBe(false);
    expect(out.join("\n")).toContain("systemd is not running on this machine");
    expect(out.join("\n")).toContain(
      "systemctl daemon-reload && systemctl enable --now ringup-store.service",
    );
  });

  test("makes the system user when it does not exist: no login shell, home in the data dir, till groups", () => {
    const system = machine(false);
    const o = { ...options("newuser"), mode: "till" as const, user: "ringup-test-absent" };
    expect(() => installService(o, { out: () => {}, err: () => {} }, system)).toThrow();
    const useradd = system.calls.find((c) => c.startsWith("useradd")) ?? "";
    expect(useradd).toContain("--system");
    expect(useradd).toMatch(/--shell \S*(nologin|false)/);
    expect(useradd).toContain(`--home-dir ${o.data}`);
    expect(useradd).toContain("--groups dialout,lp,tty");
    expect(useradd).toEndWith(" ringup-test-absent");
  });
});
