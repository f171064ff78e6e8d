/**
 * HTTPS for the store and head office: a certificate and key from files (`--tls-cert`,
 * `--tls-key`), or for a shop's LAN a self-signed certificate the store makes once in its data
 * directory (`--tls-self-signed`) with the system's `openssl`, which tills pin when they pair.
 */
import { X509Certificate } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { hostname, networkInterfaces } from "node:os";
import { join } from "node:path";
import { ConfigError } from "./config.ts";

export interface TlsFiles {
  cert: string;
  key: string;
  /** SHA-256 fingerprint of the certificate, `AA:BB:…` as openssl prints it. */
  sha256: string;
  certPath: string;
}

/** Reads a certificate and its key; a missing or unreadable file is a ConfigError saying which. */
export function loadTls(certPath: string, keyPath: string): TlsFiles {
  const read = (path: string, what: string): string => {
    try {
      return readFileSync(path, "utf8");
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new ConfigError(`cannot read the TLS ${what} ${path} (${why}): check --tls-${what}`);
    }
  };
  const cert = read(certPath, "cert");
  const key = read(keyPath, "key");
  let sha256: string;
  try {
    sha256 = new X509Certificate(cert).fingerprint256;
  } catch {
    throw new ConfigError(`${certPath} is not a PEM certificate: check --tls-cert`);
  }
  return { cert, key, sha256, certPath };
}

/** The names a till may reach this machine by: localhost, the host name and every IPv4 address. */
function subjectAltNames(): string {
  const names = new Set(["DNS:localhost", `DNS:${hostname()}`, "IP:127.0.0.1"]);
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === "IPv4") names.add(`IP:${a.address}`);
  }
  return [...names].join(",");
}

/**
 * The store's self-signed certificate in `DIR/tls/`, made on first use (ECDSA P-256, ten years,
 * key mode 0600). Made with `openssl`, which Debian and most Linux systems carry; without it,
 * give a certificate with --tls-cert and --tls-key.
 */
export function selfSignedTls(dataDir: string, commonName: string): TlsFiles {
  const dir = join(dataDir, "tls");
  const certPath = join(dir, "cert.pem");
  const keyPath = join(dir, "key.pem");
  if (!existsSync(certPath) || !existsSync(keyPath)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const openssl = Bun.which("openssl");
    if (!openssl) {
      throw new ConfigError(
        "--tls-self-signed needs the openssl program, which is not installed: install it (apt-get install openssl), or give a certificate with --tls-cert FILE --tls-key FILE",
      );
    }
    const made = Bun.spawnSync(
      [
        openssl,
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-days",
        "3650",
        "-subj",
        `/CN=${commonName}`,
        "-addext",
        `subjectAltName=${subjectAltNames()}`,
        "-keyout",
        keyPath,
        "-out",
        certPath,
      ],
      { stdout: "pipe", stderr: "pipe" },
    );
    if (made.exitCode !== 0) {
      throw new ConfigError(
        `openssl could not make a self-signed certificate in ${dir}: ${made.stderr.toString().trim()}`,
      );
    }
    chmodSync(keyPath, 0o600);
  }
  return loadTls(certPath, keyPath);
}

/** Whether an address only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || host.startsWith("127.");
}
