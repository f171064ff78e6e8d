/**
 * TLS to NATS: nats-server requires TLS and a client certificate; head office and a store
 * connect with `tls://` and a credentials file naming the CA and their certificate, and
 * replicate. A client that does not trust the server's CA stays down and says so once.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NatsLink } from "../../src/shared/nats/index.ts";
import { type HqProcess, startHq } from "../support/hq-process.ts";
import { type NatsServerProcess, startNats } from "../support/nats-server.ts";
import { seedProducts, startStore } from "../support/store-process.ts";
import { Chain, expectExact, PRODUCTS, ringSale } from "./support/chain.ts";
import { makeTestCerts, type TestCerts } from "./support/tls-certs.ts";
import { waitFor } from "./support/wait.ts";

// Real processes: starting them and waiting for replication takes seconds, not milliseconds.
setDefaultTimeout(120_000);

let dir: string;
let certs: TestCerts;
let nats: NatsServerProcess | undefined;
let hq: HqProcess | undefined;
let chain: Chain | undefined;
let credsFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ringup-tls-"));
  certs = await makeTestCerts(dir);
  nats = await startNats({
    tls: { cert: certs.serverCert, key: certs.serverKey, ca: certs.ca, verify: true },
  });
  credsFile = join(dir, "tls.creds");
  await Bun.write(
    credsFile,
    `[tls]\nca = ${JSON.stringify(certs.ca)}\ncert = ${JSON.stringify(certs.clientCert)}\nkey = ${JSON.stringify(certs.clientKey)}\n`,
  );
  hq = await startHq({ nats: nats.url, natsCreds: credsFile });
  chain = new Chain(nats, hq);
  const store = await startStore({ storeId: "S1", args: ["--nats", nats.url, "--nats-creds", credsFile] });
  chain.stores.set("S1", store);
  await seedProducts(store, PRODUCTS);
});
afterAll(async () => {
  if (chain) await chain[Symbol.asyncDispose]();
  else await Promise.allSettled([hq?.[Symbol.asyncDispose](), nats?.[Symbol.asyncDispose]()]);
  await rm(dir, { recursive: true, force: true });
});

test("head office and a store replicate over TLS with client certificates", async () => {
  if (!chain) throw new Error("the chain did not start");
  expect(chain.nats.url.startsWith("tls://")).toBe(true);
  for (let i = 0; i < 10; i++) await ringSale(chain.store("S1"), i);
  await expectExact(chain);
});

test("a client that does not trust the server's certificate stays down and logs it once", async () => {
  const lines: string[] = [];
  const untrusting = join(dir, "no-ca.creds");
  await Bun.write(
    untrusting,
    `[tls]\ncert = ${JSON.stringify(certs.clientCert)}\nkey = ${JSON.stringify(certs.clientKey)}\n`,
  );
  const link = new NatsLink({
    url: nats?.url ?? "",
    credsPath: untrusting,
    name: "untrusting",
    log: (l) => lines.push(l),
    label: "test",
  }).start();
  try {
    await waitFor(() => link.state === "down", "the link to give up its first attempt");
    await waitFor(() => lines.length >= 1, "a log line");
    expect(link.state).toBe("down");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("is down");
  } finally {
    await link.close();
  }
});
