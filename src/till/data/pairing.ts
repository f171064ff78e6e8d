/**
 * `ringup till --pair CODE`: exchanges a manager's one-time code for this till's own device
 * token (`POST /api/v1/tills/pair`), kept in the till's database (`meta.deviceToken`; the file
 * is made mode 0600), and used for its background work from then on.
 *
 * Over HTTPS the till pins the store's certificate: with `--ca FILE` it checks the store against
 * that CA; otherwise it takes the certificate the store presents now (trust on first use, on
 * the shop's LAN), checks that the store's answer names the same certificate, keeps it and
 * accepts no other afterwards. It prints the certificate's SHA-256 so a manager can compare it
 * with what `ringup admin till pair` printed.
 */
import { X509Certificate } from "node:crypto";
import { chmodSync, existsSync, mkdirSync } from "node:fs";
import { isIP } from "node:net";
import { connect } from "node:tls";
import { tillStoreRoutes } from "../../api/store/till-routes.ts";
import { InvalidInputError } from "../../core/errors.ts";
import { tillIdSchema } from "../../core/ids.ts";
import { MetaStore, openTillDatabase, tillDbPath } from "./db.ts";
import { StoreClient } from "./store-client.ts";

export interface PairOptions {
  server: string;
  tillId: string;
  dataDir: string;
  code: string;
  /** A CA certificate (PEM) to check the store's certificate against, instead of pinning it. */
  ca?: string | undefined;
  timeoutMs?: number;
}

export interface Paired {
  storeId: string;
  /** SHA-256 of the store's certificate the till now trusts (null over plain HTTP). */
  certificateSha256: string | null;
}

/** The certificate a TLS server presents, unchecked (PEM and SHA-256). */
async function presentedCertificate(url: URL, timeoutMs: number): Promise<{ pem: string; sha256: string }> {
  const port = Number(url.port || 443);
  return new Promise((resolve, reject) => {
    const socket = connect(
      {
        host: url.hostname,
        port,
        // SNI names hosts, never IP addresses.
        ...(isIP(url.hostname) === 0 ? { servername: url.hostname } : {}),
        rejectUnauthorized: false,
      },
      () => {
        const raw = socket.getPeerCertificate(true).raw;
        socket.end();
        if (!raw) {
          reject(
            new InvalidInputError("NO_CERTIFICATE", `the store at ${url.origin} presented no certificate`),
          );
          return;
        }
        const pem = `-----BEGIN CERTIFICATE-----\n${raw
          .toString("base64")
          .replace(/(.{64})/g, "$1\n")
          .trimEnd()}\n-----END CERTIFICATE-----\n`;
        resolve({ pem, sha256: new X509Certificate(pem).fingerprint256 });
      },
    );
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      reject(
        new InvalidInputError("STORE_UNREACHABLE", `no TLS answer from ${url.origin} within ${timeoutMs} ms`),
      );
    });
    socket.on("error", (err) =>
      reject(new InvalidInputError("STORE_UNREACHABLE", `cannot reach ${url.origin}: ${err.message}`)),
    );
  });
}

/** A fetch that trusts only the given CA (or pinned certificate). */
export function fetchTrusting(ca: string | null): typeof fetch {
  if (ca === null) return fetch;
  const trusting = (input: string | URL | Request, init?: RequestInit) =>
    fetch(input, { ...init, tls: { ca } });
  return Object.assign(trusting, { preconnect: fetch.preconnect });
}

export async function pairTill(options: PairOptions): Promise<Paired> {
  const tillId = tillIdSchema.safeParse(options.tillId);
  if (!tillId.success) {
    throw new InvalidInputError("INVALID_TILL_ID", tillId.error.issues[0]?.message ?? "invalid till id");
  }
  const url = new URL(options.server);
  const timeoutMs = options.timeoutMs ?? 10_000;
  let pinned: { pem: string; sha256: string } | null = null;
  if (url.protocol === "https:" && options.ca === undefined) {
    pinned = await presentedCertificate(url, timeoutMs);
  }
  const ca = options.ca ?? pinned?.pem ?? null;
  const client = new StoreClient({
    server: options.server,
    fetch: fetchTrusting(ca),
    timeoutMs,
    signal: new AbortController().signal,
  });
  const answer = await client.request(tillStoreRoutes["POST /api/v1/tills/pair"], {
    body: { code: options.code, tillId: tillId.data },
  });
  if (pinned && answer.certificateSha256 !== pinned.sha256) {
    throw new InvalidInputError(
      "CERTIFICATE_MISMATCH",
      `the store answered for certificate ${answer.certificateSha256 ?? "(none)"} but presented ${pinned.sha256}: something between the till and the store is not the store; nothing was kept`,
    );
  }
  if (!existsSync(options.dataDir)) mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const { sqlite, db } = openTillDatabase(options.dataDir);
  try {
    const meta = new MetaStore(db);
    meta.set("deviceToken", answer.token);
    if (pinned) {
      meta.set("storeCertificate", pinned.pem);
      meta.set("storeCertificateSha256", pinned.sha256);
    }
    // A cashier's session of another pairing is no longer this till's.
    meta.delete("sessionToken");
  } finally {
    sqlite.close();
  }
  for (const suffix of ["", "-wal", "-shm"]) {
    const path = `${tillDbPath(options.dataDir)}${suffix}`;
    if (existsSync(path)) chmodSync(path, 0o600);
  }
  return { storeId: answer.storeId, certificateSha256: pinned?.sha256 ?? answer.certificateSha256 };
}
