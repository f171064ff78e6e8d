/**
 * The store's log, from a real process whose output is a pipe: JSON lines, a request id on
 * every request (the caller's when sane, answered in `x-request-id`) and on its log line, and
 * `--log-level` / `RINGUP_LOG_LEVEL` leaving out the lines below the level.
 */
import { describe, expect, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { childEnv, ringupCommand, startStore } from "../support/store-process.ts";

interface LogLine {
  level: number;
  time: string;
  msg: string;
  mode?: string;
  reqId?: string;
  method?: string;
  path?: string;
  status?: number;
}

function lines(output: string): LogLine[] {
  return output
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as LogLine);
}

async function untilLogged(output: () => string, found: (line: LogLine) => boolean): Promise<LogLine> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const line = lines(output()).find(found);
    if (line) return line;
    if (Date.now() > deadline) throw new Error(`not logged within 10 s:\n${output()}`);
    await Bun.sleep(5);
  }
}

describe("the store's log", () => {
  test("is JSON lines when its output is not a terminal, the listening line among them", async () => {
    await using store = await startStore();
    const all = lines(store.output);
    expect(all.length).toBeGreaterThan(0);
    for (const line of all) {
      expect(line.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(typeof line.level).toBe("number");
      expect(line.mode).toBe("store");
    }
    expect(all.some((l) => /^store S1 listening on http:\/\/127\.0\.0\.1:\d+ \(data: /.test(l.msg))).toBe(
      true,
    );
  });

  test("answers the caller's request id and logs the request under it", async () => {
    await using store = await startStore();
    const res = await store.api("/api/v1/settings", { headers: { "x-request-id": "till-T1.42" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe("till-T1.42");
    const line = await untilLogged(
      () => store.output,
      (l) => l.reqId === "till-T1.42",
    );
    expect(line).toMatchObject({ method: "GET", path: "/api/v1/settings", status: 200, level: 30 });
  });

  test("gives a request without a sane id a new one, and logs it", async () => {
    await using store = await startStore();
    for (const given of [undefined, "x".repeat(65), "a b", "<script>"]) {
      const res = await fetch(`${store.url}/health`, given ? { headers: { "x-request-id": given } } : {});
      const id = res.headers.get("x-request-id") ?? "";
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(id).not.toBe(given);
      await untilLogged(
        () => store.output,
        (l) => l.reqId === id && l.path === "/health",
      );
    }
  });

  test("--log-level warn (or RINGUP_LOG_LEVEL=warn) leaves out the info lines; warnings stay", async () => {
    for (const how of ["flag", "env"] as const) {
      await using dir = await tempDir();
      const port = freePort();
      const proc = Bun.spawn(
        [
          ...ringupCommand(),
          "store",
          "--data",
          dir.path,
          "--port",
          String(port),
          "--host",
          "127.0.0.1",
          "--admin-token",
          "t".repeat(20),
          ...(how === "flag" ? ["--log-level", "warn"] : []),
        ],
        {
          env: { ...childEnv(), ...(how === "env" ? { RINGUP_LOG_LEVEL: "warn" } : {}) },
          stdin: "ignore",
          stdout: "pipe",
          stderr: "pipe",
        },
      );
      try {
        const deadline = Date.now() + 30_000;
        let res: Response | undefined;
        while (res === undefined) {
          res = await fetch(`http://127.0.0.1:${port}/health`, {
            headers: { "x-request-id": "quiet-1" },
          }).catch(() => undefined);
          if (res === undefined && Date.now() > deadline) throw new Error("the store did not answer in time");
          if (res === undefined) await Bun.sleep(20);
        }
        expect(res.headers.get("x-request-id")).toBe("quiet-1");
        proc.kill("SIGTERM");
        await proc.exited;
        const output = (await new Response(proc.stdout).text()) + (await new Response(proc.stderr).text());
        const all = lines(output);
        // Without tax classes the store warns at start: that line is kept, nothing below warn is.
        expect(all.some((l) => l.level === 40 && l.msg.includes("no tax classes"))).toBe(true);
        for (const line of all) expect(line.level).toBeGreaterThanOrEqual(40);
      } finally {
        if (proc.exitCode === null) proc.kill("SIGKILL");
      }
    }
  });
});

function freePort(): number {
  const server = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response() });
  const port = server.port ?? 0;
  server.stop(true);
  return port;
}

async function tempDir(): Promise<{ path: string } & AsyncDisposable> {
  const path = await mkdtemp(join(tmpdir(), "ringup-log-level-"));
  return { path, [Symbol.asyncDispose]: () => rm(path, { recursive: true, force: true }) };
}
