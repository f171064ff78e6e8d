/**
 * A generated admin token never lands in a log: `ringup store` and `ringup hq` started with
 * their output going to a pipe (a service, a log file) write it to DATA/admin-token (mode
 * 0600) and log only the path; every log line is a JSON object with an ISO 8601 time.
 */
import { afterEach, expect, test } from "bun:test";
import { readFileSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { childEnv, ringupCommand } from "../support/store-process.ts";

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

async function startAndStop(mode: "store" | "hq") {
  const data = await mkdtemp(join(tmpdir(), `ringup-token-log-${mode}-`));
  dirs.push(data);
  const proc = Bun.spawn([...ringupCommand(), mode, "--data", data, "--port", "0", "--host", "127.0.0.1"], {
    stdout: "pipe",
    stderr: "pipe",
    stdin: "ignore",
    env: childEnv(),
  });
  try {
    const reader = proc.stdout.getReader();
    let output = "";
    let url: string | undefined;
    const deadline = Date.now() + 30_000;
    while (url === undefined && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      output += new TextDecoder().decode(value);
      url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
    }
    expect(url).toBeDefined();
    const file = join(data, "admin-token");
    const token = readFileSync(file, "utf8").trim();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const path = mode === "store" ? "/api/v1/settings" : "/api/v1/stores";
    const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    proc.kill("SIGTERM");
    await proc.exited;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      output += new TextDecoder().decode(chunk.value);
    }
    const stderr = await new Response(proc.stderr).text();
    return { output, stderr, token, file };
  } finally {
    if (proc.exitCode === null) proc.kill("SIGKILL");
  }
}

for (const mode of ["store", "hq"] as const) {
  test(`ringup ${mode} without a terminal writes a generated token to DATA/admin-token, never to the log`, async () => {
    const { output, stderr, token, file } = await startAndStop(mode);
    expect(output + stderr).not.toContain(token);
    expect(output).toContain(`wrote it to ${file}`);
    const lines = output.split("\n").filter((l) => l !== "");
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect((JSON.parse(line) as { time: string }).time).toMatch(ISO_TIME);
  });
}
