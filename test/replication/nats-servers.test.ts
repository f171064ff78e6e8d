/**
 * `--nats URL[,URL…]`: the list is validated at start with a precise message per bad entry
 * (flag, environment variable or config file), and the link connects to any live server of
 * the list and fails over to another when the one it uses dies.
 */
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hqOptionsSchema } from "../../src/hq/options.ts";
import { NatsLink } from "../../src/shared/nats/index.ts";
import { storeOptionsSchema } from "../../src/store-server/options.ts";
import { type NatsServerProcess, startNats } from "../support/nats-server.ts";
import { childEnv, ringupCommand } from "../support/store-process.ts";
import { waitFor } from "./support/wait.ts";

// Real processes: starting them and waiting for replication takes seconds, not milliseconds.
setDefaultTimeout(60_000);

function natsIssues(schema: typeof hqOptionsSchema | typeof storeOptionsSchema, nats: unknown): string[] {
  const result = schema.safeParse({ data: "/tmp/x", nats });
  if (result.success) return [];
  return result.error.issues.filter((i) => i.path[0] === "nats").map((i) => i.message);
}

describe("--nats takes a list of servers", () => {
  test("a comma-separated list (or a config file's array) is one setting of every server", () => {
    for (const schema of [hqOptionsSchema, storeOptionsSchema]) {
      const parsed = schema.parse({
        data: "/tmp/x",
        nats: " nats://10.0.0.1:4222, nats://10.0.0.2:4222 ,nats://nats-3.example",
      });
      expect(parsed.nats).toBe("nats://10.0.0.1:4222,nats://10.0.0.2:4222,nats://nats-3.example");
      const fromArray = schema.parse({
        data: "/tmp/x",
        nats: ["tls://a.example:4222", "tls://b.example:4222"],
      });
      expect(fromArray.nats).toBe("tls://a.example:4222,tls://b.example:4222");
      expect(schema.parse({ data: "/tmp/x", nats: "nats://127.0.0.1:4222" }).nats).toBe(
        "nats://127.0.0.1:4222",
      );
    }
  });

  test("each bad entry is named with what is wrong", () => {
    const notNats = (entry: string, n = "1 of 1") =>
      `server ${n} (${JSON.stringify(entry)}) must be a NATS URL such as nats://127.0.0.1:4222 or tls://host:4222`;
    const cases: [unknown, string][] = [
      [
        "nats://a:4222,,nats://b:4222",
        "server 2 of 3 is empty: separate the servers' URLs with single commas",
      ],
      ["nats://a:4222,http://b:4222", notNats("http://b:4222", "2 of 2")],
      ["nats://a:70000", 'server 1 of 1 ("nats://a:70000") has port 70000: it must be between 1 and 65535'],
      ["nats://a:4222,nats://a:4222", 'server 2 of 2 ("nats://a:4222") is given twice'],
      [
        "nats://a:4222,tls://b:4222",
        "mixes nats:// and tls:// servers: a connection uses TLS with every server of the list or with none",
      ],
      ["ws://a:8080", notNats("ws://a:8080")],
      ["nats://a b:4222", notNats("nats://a b:4222")],
      [[], "give at least one NATS server"],
    ];
    for (const schema of [hqOptionsSchema, storeOptionsSchema]) {
      for (const [input, message] of cases)
        expect({ input, issues: natsIssues(schema, input) }).toEqual({ input, issues: [message] });
    }
  });

  test("ringup hq refuses a bad list at start, naming the flag and the entry", async () => {
    const data = await mkdtemp(join(tmpdir(), "ringup-hq-nats-"));
    try {
      const proc = Bun.spawn(
        [
          ...ringupCommand(),
          "hq",
          "--data",
          data,
          "--port",
          "0",
          "--nats",
          "nats://127.0.0.1:4222,nats:/oops",
        ],
        { env: childEnv(), stdout: "pipe", stderr: "pipe" },
      );
      // A head office that accepted the list would serve until stopped.
      const guard = setTimeout(() => proc.kill(), 20_000);
      const [code, err] = await Promise.all([proc.exited, new Response(proc.stderr).text()]);
      clearTimeout(guard);
      expect(code).toBe(2);
      expect(err).toContain(
        'flag --nats: server 2 of 2 ("nats:/oops") must be a NATS URL such as nats://127.0.0.1:4222 or tls://host:4222',
      );
    } finally {
      await rm(data, { recursive: true, force: true });
    }
  });
});

describe("the link fails over between the servers of the list", () => {
  let a: NatsServerProcess;
  let b: NatsServerProcess;
  beforeAll(async () => {
    [a, b] = await Promise.all([startNats(), startNats()]);
  }, 60_000);
  afterAll(async () => {
    await Promise.allSettled([a?.[Symbol.asyncDispose](), b?.[Symbol.asyncDispose]()]);
  }, 60_000);

  test("connects to a live server when another of the list is down, and moves when its server dies", async () => {
    const dead = await startNats();
    const deadUrl = dead.url;
    await dead[Symbol.asyncDispose]();
    const lines: string[] = [];
    const link = new NatsLink({
      url: `${deadUrl},${a.url},${b.url}`,
      name: "test",
      log: (l) => lines.push(l),
      label: "t",
    }).start();
    try {
      const nc = await link.ready();
      const first = nc.info?.port;
      expect([a.port, b.port]).toContain(first ?? -1);
      const [using, other] = first === a.port ? [a, b] : [b, a];
      await using.kill9();
      await waitFor(
        () => link.state === "up" && link.connection?.info?.port === other.port,
        `the link to move to ${other.url}`,
        30_000,
      );
      expect(lines.some((l) => l.includes(`up (server`) && l.includes(`127.0.0.1:${first}`))).toBe(true);
      expect(lines.some((l) => l.includes("restored") && l.includes(`127.0.0.1:${other.port}`))).toBe(true);
      await using.restart();
    } finally {
      await link.close();
    }
  });
});
