/**
 * The nats-server configuration that docs/hq.md gives works as written: the block is taken from
 * the document, its paths moved into a temporary directory (the layout kept: the accounts file
 * head office writes, linked beside the configuration), and nats-server starts with it and
 * serves JetStream over TLS, on Debian's 2.9 and on a current 2.10 (.tmp/, see
 * scripts/fetch-nats-server, or RINGUP_TEST_NATS_SERVER_CURRENT).
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startHqServer } from "../../src/hq/main.ts";
import { hqOptionsSchema } from "../../src/hq/options.ts";
import { NATS_SERVER } from "../support/nats-server.ts";
import { makeTestCerts } from "./support/tls-certs.ts";
import { waitFor } from "./support/wait.ts";

setDefaultTimeout(60_000);

const ROOT = resolve(import.meta.dir, "../..");
const CURRENT =
  process.env.RINGUP_TEST_NATS_SERVER_CURRENT ?? join(ROOT, ".tmp", "nats-server-current", "nats-server");

/** The configuration block of docs/hq.md, from its `# /etc/nats/nats-server.conf` line. */
function documentedConfig(): string {
  const doc = readFileSync(join(ROOT, "docs", "hq.md"), "utf8");
  const block = /```\n(# \/etc\/nats\/nats-server\.conf\n[\s\S]*?)```/.exec(doc)?.[1];
  if (!block) throw new Error("docs/hq.md has no nats-server.conf block");
  return block;
}

function freePort(): number {
  const server = Bun.listen({ hostname: "127.0.0.1", port: 0, socket: { data() {} } });
  const port = server.port;
  server.stop(true);
  return port;
}

let dir = "";
let etc = "";
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ringup-nats-doc-"));
  etc = join(dir, "etc", "nats");
  mkdirSync(join(etc, "tls"), { recursive: true });
  const certs = await makeTestCerts(join(etc, "tls"));
  // Head office writes nats-accounts.conf into its data directory at start.
  const data = join(dir, "var", "lib", "ringup-hq");
  mkdirSync(data, { recursive: true });
  const hq = await startHqServer(hqOptionsSchema.parse({ data, port: 0, host: "127.0.0.1" }), {
    out: () => {},
    err: () => {},
  });
  await hq.stop();
  expect(existsSync(join(data, "nats-accounts.conf"))).toBe(true);
  const paths: [string, string][] = [
    ["/var/lib/ringup-hq/", `${data}/`],
    ["/var/lib/nats", join(dir, "var", "lib", "nats")],
    ["/etc/nats/tls/server.pem", certs.serverCert],
    ["/etc/nats/tls/server.key", certs.serverKey],
    ["/etc/nats/tls/ca.pem", certs.ca],
    ["/etc/nats/", `${etc}/`],
  ];
  // The doc's shell step: link head office's file beside the configuration.
  const link = /^ln -s (\S+) (\S+)$/m.exec(readFileSync(join(ROOT, "docs", "hq.md"), "utf8"));
  if (!link?.[1] || !link[2]) throw new Error("docs/hq.md has no ln -s step");
  const moved = (p: string) => paths.reduce((s, [from, to]) => s.replaceAll(from, to), p);
  symlinkSync(moved(link[1]), moved(link[2]));
}, 60_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function startWithDocumentedConfig(program: string): Promise<string> {
  const port = freePort();
  const config = documentedConfig()
    .replace("listen: 0.0.0.0:4222", `listen: 127.0.0.1:${port}`)
    .replaceAll("/var/lib/nats", join(dir, "var", "lib", "nats"))
    .replaceAll("/etc/nats/", `${etc}/`);
  const file = join(etc, "nats-server.conf");
  writeFileSync(file, config);
  const check = Bun.spawnSync([program, "-t", "-c", file], { stdout: "pipe", stderr: "pipe" });
  expect(`${check.stdout}${check.stderr}`).toContain("is valid");
  const proc = Bun.spawn([program, "-c", file], { stdout: "pipe", stderr: "pipe", stdin: "ignore" });
  let output = "";
  void (async () => {
    for await (const chunk of proc.stderr) output += new TextDecoder().decode(chunk);
  })();
  try {
    await waitFor(() => output.includes("Server is ready") || proc.exitCode !== null, "nats-server to start");
    expect(proc.exitCode).toBeNull();
    return output;
  } finally {
    proc.kill("SIGTERM");
    await proc.exited;
  }
}

test("Debian's nats-server 2.9 starts with the documented configuration", async () => {
  const output = await startWithDocumentedConfig(NATS_SERVER);
  expect(output).toMatch(/Version:\s+2\./);
  expect(output).toContain("TLS required for client connections");
  expect(output).toContain("Starting JetStream");
});

test("a current nats-server (2.10+) starts with the documented configuration", async () => {
  if (!existsSync(CURRENT)) {
    throw new Error(
      `no nats-server 2.10 or later at ${CURRENT}; fetch one with \`bash scripts/fetch-nats-server\``,
    );
  }
  const output = await startWithDocumentedConfig(CURRENT);
  expect(output).toMatch(/Version:\s+2\.(1\d|[2-9]\d)\./);
  expect(output).toContain("Starting JetStream");
});
