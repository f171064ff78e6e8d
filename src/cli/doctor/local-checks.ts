/** The doctor's checks of this machine: the database, the store's journal, free disk, certificates. */
import { Database } from "bun:sqlite";
import { X509Certificate } from "node:crypto";
import { existsSync, readFileSync, statfsSync } from "node:fs";
import { dirname, join } from "node:path";
import { verifyJournal } from "../../store-server/journal/verify.ts";
import { type CheckResult, errorText, fail, ok, warn } from "./report.ts";
import { DATABASE_FILES, type Setup } from "./setup.ts";

const RESTORE = (mode: string) =>
  `stop the ${mode}, keep a copy of its data directory, and restore the last good backup`;

/**
 * `PRAGMA quick_check` on the mode's database, opened read-only (a missing file is reported,
 * never created), and for a store the journal's hash chain.
 */
export function databaseChecks(setup: Setup): CheckResult[] {
  const path = join(setup.options.data, DATABASE_FILES[setup.mode]);
  if (!existsSync(path)) {
    return [
      warn(
        "database",
        `no database at ${path} yet`,
        `the ${setup.mode} makes it when it first starts; if it has run before, --data (or "data" in the configuration) names the wrong directory`,
      ),
    ];
  }
  let db: Database;
  try {
    db = new Database(path, { readonly: true, strict: true });
  } catch (err) {
    return [fail("database", `cannot open ${path}: ${errorText(err)}`, RESTORE(setup.mode))];
  }
  try {
    db.exec("PRAGMA busy_timeout = 5000");
    const checks: CheckResult[] = [];
    let findings: string[];
    try {
      findings = db
        .query<{ quick_check: string }, []>("PRAGMA quick_check(5)")
        .all()
        .map((r) => r.quick_check);
    } catch (err) {
      findings = [errorText(err)];
    }
    if (findings.length === 1 && findings[0] === "ok") {
      checks.push(ok("database", `${path} passes SQLite's quick_check`));
    } else {
      checks.push(fail("database", `${path} is damaged: ${findings.join("; ")}`, RESTORE(setup.mode)));
      return checks;
    }
    if (setup.mode === "store") checks.push(journalCheck(db, setup.options.storeId));
    return checks;
  } finally {
    db.close();
  }
}

function journalCheck(db: Database, storeId: string): CheckResult {
  try {
    const result = verifyJournal(db, storeId);
    if (result.ok) return ok("journal", `the hash chain of ${result.events} events verifies`);
    return fail(
      "journal",
      result.problem?.message ?? "the hash chain does not verify",
      "the journal was changed outside Ringup: keep a copy of the data directory and restore the last backup whose journal verifies",
    );
  } catch (err) {
    return fail("journal", `cannot read the journal: ${errorText(err)}`, RESTORE("store"));
  }
}

const GB = 1024 ** 3;

/** FAIL under 2 % free; WARN under 10 % or 1 GB. */
export function diskVerdict(freeBytes: number, totalBytes: number): "OK" | "WARN" | "FAIL" {
  const share = totalBytes > 0 ? freeBytes / totalBytes : 0;
  if (share < 0.02) return "FAIL";
  if (share < 0.1 || freeBytes < GB) return "WARN";
  return "OK";
}

function size(bytes: number): string {
  return bytes >= GB ? `${(bytes / GB).toFixed(1)} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;
}

/** Free space where the data directory is (or would be made). */
export function diskCheck(setup: Setup): CheckResult {
  let dir = setup.options.data;
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  let free: number;
  let total: number;
  try {
    const fs = statfsSync(dir);
    free = fs.bavail * fs.bsize;
    total = fs.blocks * fs.bsize;
  } catch (err) {
    return fail("disk", `cannot read the free space of ${dir}: ${errorText(err)}`, "check --data");
  }
  const percent = total > 0 ? Math.floor((free / total) * 100) : 0;
  const message = `${size(free)} free (${percent}%) on the file system of ${dir}`;
  const fix = "free space there (old logs, old backups) or move the data directory to a larger disk";
  switch (diskVerdict(free, total)) {
    case "FAIL":
      return fail("disk", message, `${fix}: the ${setup.mode} soon cannot write`);
    case "WARN":
      return warn("disk", message, fix);
    default:
      return ok("disk", message);
  }
}

/** The certificates the mode is configured with: its HTTPS certificate, or the till's CA. */
function certificates(setup: Setup): { what: string; path: string }[] {
  switch (setup.mode) {
    case "store": {
      const o = setup.options;
      if (o.tlsCert) return [{ what: "HTTPS certificate", path: o.tlsCert }];
      if (o.tlsSelfSigned)
        return [{ what: "self-signed HTTPS certificate", path: join(o.data, "tls", "cert.pem") }];
      return [];
    }
    case "hq":
      return setup.options.tlsCert ? [{ what: "HTTPS certificate", path: setup.options.tlsCert }] : [];
    case "till":
      return setup.options.ca ? [{ what: "store's CA certificate", path: setup.options.ca }] : [];
  }
}

const DAY_MS = 86_400_000;

/** WARN under 30 days of validity left, FAIL once expired (or not yet valid). */
export function tlsChecks(setup: Setup, now: Date): CheckResult[] {
  return certificates(setup).map(({ what, path }) => {
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(readFileSync(path));
    } catch (err) {
      return fail("tls", `cannot read the ${what} ${path}: ${errorText(err)}`, "give a PEM certificate");
    }
    const from = new Date(cert.validFrom);
    const to = new Date(cert.validTo);
    const renew = `renew the certificate ${path} and restart the ${setup.mode}`;
    if (to.getTime() <= now.getTime()) {
      return fail("tls", `the ${what} ${path} expired on ${to.toISOString()}`, renew);
    }
    if (from.getTime() > now.getTime()) {
      return fail(
        "tls",
        `the ${what} ${path} is not valid before ${from.toISOString()}`,
        "check this machine's clock, or make the certificate again",
      );
    }
    const days = Math.floor((to.getTime() - now.getTime()) / DAY_MS);
    const message = `the ${what} ${path} is valid until ${to.toISOString()} (${days} days)`;
    return days < 30 ? warn("tls", message, renew) : ok("tls", message);
  });
}
