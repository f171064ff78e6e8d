/**
 * `ringup hq` as a server: the admin token is generated and printed once (or taken from
 * --admin-token), head office's NATS credentials and nats-accounts.conf are written at start,
 * the API answers on a real port, and SIGTERM stops the process cleanly.
 */
import { afterEach, describe, expect, test } from "bun:test";
import { existsSync, readFileSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningHq, startHqServer } from "../../src/hq/main.ts";
import { hqOptionsSchema } from "../../src/hq/options.ts";
import { ringupCommand } from "../support/store-process.ts";

const dirs: string[] = [];
const running: RunningHq[] = [];
afterEach(async () => {
  for (const hq of running.splice(0)) await hq.stop();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "ringup-hq-server-"));
  dirs.push(dir);
  return dir;
}

async function start(data: string, extra: Record<string, unknown> = {}) {
  const lines: string[] = [];
  const io = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t) };
  const hq = await startHqServer(hqOptionsSchema.parse({ data, port: 0, host: "127.0.0.1", ...extra }), io);
  running.push(hq);
  return { hq, lines };
}

describe("startHqServer", () => {
  test("generates the admin token once; without a terminal it goes to DATA/admin-token (0600), not the log", async () => {
    const data = await dataDir();
    const first = await start(data);
    const file = join(data, "admin-token");
    const printed = readFileSync(file, "utf8").trim();
    expect(printed).toStartWith("rgh_");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.lines.join("\n")).not.toContain(printed);
    expect(first.lines.join("\n")).toContain(`wrote it to ${file}`);
    const stores = await fetch(`${first.hq.url}/api/v1/stores`, {
      headers: { authorization: `Bearer ${printed}` },
    });
    expect(stores.status).toBe(200);
    await first.hq.stop();
    running.splice(running.indexOf(first.hq), 1);

    const second = await start(data);
    expect(second.lines.join("\n")).not.toContain("admin token");
    const again = await fetch(`${second.hq.url}/api/v1/stores`, {
      headers: { authorization: `Bearer ${printed}` },
    });
    expect(again.status).toBe(200);
  });

  test("--admin-token sets the bootstrap token; the NATS files are written at start", async () => {
    const data = await dataDir();
    const { hq, lines } = await start(data, { adminToken: "an-admin-token-of-some-length" });
    expect(lines.join("\n")).not.toContain("generated");
    const health = await fetch(`${hq.url}/health`);
    expect(await health.json()).toMatchObject({ status: "ok", mode: "hq", nats: "disabled" });
    const res = await fetch(`${hq.url}/api/v1/stores`, {
      headers: { authorization: "Bearer an-admin-token-of-some-length" },
    });
    expect(res.status).toBe(200);
    expect(statSync(join(data, "nats-hq.creds")).mode & 0o077).toBe(0);
    expect(existsSync(join(data, "nats-accounts.conf"))).toBe(true);
  });
});

describe("the ringup hq process", () => {
  test("serves until SIGTERM, then finishes and exits 0", async () => {
    const data = await dataDir();
    const proc = Bun.spawn(
      [
        ...ringupCommand(),
        "hq",
        "--data",
        data,
        "--port",
        "0",
        "--host",
        "127.0.0.1",
        "--admin-token",
        "t".repeat(20),
      ],
      { stdout: "pipe", stderr: "pipe", env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" } },
    );
    try {
      const reader = proc.stdout.getReader();
      let output = "";
      let url: string | undefined;
      const deadline = Date.now() + 30_000;
      while (url === undefined && Date.now() < deadline) {
        const { value, done } = await reader.read();
        if (done) break;
        output += new TextDecoder().decode(value);
        url = /hq listening on (http:\/\/\S+)/.exec(output)?.[1];
      }
      expect(url).toBeDefined();
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      proc.kill("SIGTERM");
      expect(await proc.exited).toBe(0);
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        output += new TextDecoder().decode(chunk.value);
      }
      expect(output).toContain("SIGTERM");
    } finally {
      if (proc.exitCode === null) proc.kill("SIGKILL");
    }
  });
});
