/**
 * HTTPS: the store serves it with a given certificate (made here with openssl) or one it makes
 * itself for the shop's LAN, and a till pairs over it, pins the certificate and syncs with it.
 */
import { describe, expect, test } from "bun:test";
import { X509Certificate } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTillServices } from "../../src/till/data/index.ts";
import { startStore } from "../support/store-process.ts";
import { ringup, secretFile } from "./support.ts";

async function makeCertificate(dir: string): Promise<{ cert: string; key: string }> {
  const cert = join(dir, "cert.pem");
  const key = join(dir, "key.pem");
  const made = Bun.spawnSync([
    "openssl",
    "req",
    "-x509",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:prime256v1",
    "-nodes",
    "-days",
    "2",
    "-subj",
    "/CN=ringup-test",
    "-addext",
    "subjectAltName=IP:127.0.0.1,DNS:localhost",
    "-keyout",
    key,
    "-out",
    cert,
  ]);
  if (made.exitCode !== 0) throw new Error(`openssl failed: ${made.stderr.toString()}`);
  return { cert, key };
}

describe("HTTPS", () => {
  test("a store started with --tls-cert and --tls-key answers HTTPS only, and admin trusts it with --ca", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ringup-tls-"));
    try {
      const { cert, key } = await makeCertificate(dir);
      await using store = await startStore({ args: ["--tls-cert", cert, "--tls-key", key] });
      expect(store.url).toStartWith("https://127.0.0.1:");
      const ca = await readFile(cert, "utf8");
      const health = await fetch(`${store.url}/health`, { tls: { ca } });
      expect(((await health.json()) as { status: string }).status).toBe("ok");
      // Not without trusting the certificate, and not in plain HTTP.
      await expect(fetch(`${store.url}/health`)).rejects.toThrow();
      const plain = await fetch(store.url.replace("https:", "http:") + "/health").then(
        (r) => r.status,
        () => "refused",
      );
      expect(plain).not.toBe(200);

      const tokenFile = await secretFile(store.token);
      const listed = await ringup([
        "admin",
        "--server",
        store.url,
        "--token-file",
        tokenFile,
        "--ca",
        cert,
        "token",
        "list",
      ]);
      expect(listed.stderr).toBe("");
      expect(listed.code).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("--tls-self-signed: the till pins the store's certificate when it pairs, then syncs over HTTPS", async () => {
    await using store = await startStore({ args: ["--tls-self-signed"] });
    const certPath = join(store.dataDir, "tls", "cert.pem");
    const sha256 = new X509Certificate(await readFile(certPath, "utf8")).fingerprint256;
    expect(store.output).toContain(sha256);
    const tokenFile = await secretFile(store.token);
    const pairing = await ringup([
      "admin",
      "--server",
      store.url,
      "--token-file",
      tokenFile,
      "--ca",
      certPath,
      "till",
      "pair",
      "--till",
      "T3",
    ]);
    expect(pairing.code).toBe(0);
    expect(pairing.stdout).toContain(sha256);
    const code = /pairing code: (\S+)/.exec(pairing.stdout)?.[1] ?? "";
    const tillDir = await mkdtemp(join(tmpdir(), "ringup-tls-till-"));
    try {
      const paired = await ringup([
        "till",
        "--server",
        store.url,
        "--till-id",
        "T3",
        "--data",
        tillDir,
        "--pair",
        code,
      ]);
      expect(paired.stderr).toBe("");
      expect(paired.code).toBe(0);
      expect(paired.stdout).toContain(`trusts the store's certificate SHA-256 ${sha256}`);
      // The harness's own fetch does not trust the certificate: the product goes in with it here.
      await fetch(`${store.url}/api/v1/products`, {
        method: "POST",
        tls: { ca: await readFile(certPath, "utf8") },
        headers: { authorization: `Bearer ${store.token}`, "content-type": "application/json" },
        body: JSON.stringify({ code: "4011", name: "Bananas", priceMinor: 69 }),
      });
      const till = await createTillServices({ server: store.url, tillId: "T3", dataDir: tillDir });
      try {
        await till.syncNow();
        expect(till.status().lastError).toBeNull();
        expect(till.lookup("4011").product.name).toBe("Bananas");
      } finally {
        await till.close();
      }
    } finally {
      await rm(tillDir, { recursive: true, force: true });
    }
  });
});
