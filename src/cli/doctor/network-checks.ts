/** The doctor's checks across the network: clock skew, NATS, and a till's devices. */
import { accessSync, constants, existsSync } from "node:fs";
import { connect } from "node:net";
import { parseDeviceUri } from "../../devices/uri.ts";
import { natsSecurity } from "../../shared/nats/credentials.ts";
import { type CheckResult, errorText, fail, ok, warn } from "./report.ts";
import type { Setup } from "./setup.ts";

const TIMEOUT_MS = 3_000;

/**
 * Connects over TCP and answers the first line the server sends (NATS sends `INFO {…}`), or
 * "" when `firstLine` is false and the connection succeeds.
 */
export function tcpProbe(host: string, port: number, firstLine: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    let data = "";
    const done = (err: Error | null, line = "") => {
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve(line);
    };
    const timer = setTimeout(() => done(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
    socket.on("error", (err) => done(err));
    socket.on("connect", () => {
      if (!firstLine) done(null);
    });
    socket.on("data", (chunk) => {
      data += chunk.toString("utf8");
      const end = data.indexOf("\r\n");
      if (end >= 0) done(null, data.slice(0, end));
    });
    socket.on("close", () => done(new Error("the connection closed before the server said anything")));
  });
}

/** The store's tolerance of a till's clock (the `maxClockSkewSeconds` setting's default). */
const REFUSED_SKEW_S = 300;
const WARN_SKEW_S = 10;

/** The server a clock is compared with: a till's store, a store's head office. */
function reference(setup: Setup): { what: string; url: string } | null {
  if (setup.mode === "till") return { what: "the store", url: setup.options.server };
  if (setup.mode === "store" && setup.options.hqUrl) return { what: "head office", url: setup.options.hqUrl };
  return null;
}

/** This machine's clock against the store's or head office's (their `/health` time, else the `Date` header). */
export async function clockCheck(setup: Setup): Promise<CheckResult> {
  const ref = reference(setup);
  if (!ref) {
    return ok(
      "clock",
      setup.mode === "hq"
        ? "head office is the chain's reference clock (keep it on NTP: timedatectl set-ntp true)"
        : "no head office URL configured: nothing to compare this clock with",
    );
  }
  const url = `${ref.url.replace(/\/+$/, "")}/health`;
  const sent = Date.now();
  let res: Response;
  try {
    // Only the time is read, so an unpinned certificate does no harm here.
    res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), tls: { rejectUnauthorized: false } });
  } catch (err) {
    return warn(
      "clock",
      `cannot reach ${ref.what} at ${url} to compare clocks: ${errorText(err)}`,
      `check the URL and that ${ref.what} runs`,
    );
  }
  const received = Date.now();
  const body: unknown = await res.json().catch(() => null);
  const reported =
    typeof body === "object" && body !== null && "time" in body && typeof body.time === "string"
      ? Date.parse(body.time)
      : Date.parse(res.headers.get("date") ?? "");
  if (Number.isNaN(reported)) {
    return warn(
      "clock",
      `${ref.what} at ${url} did not say its time`,
      `check that ${ref.url} is a Ringup server`,
    );
  }
  // The Date header has whole seconds: half a second of uncertainty plus the round trip.
  const skewS = Math.round((reported - (sent + received) / 2) / 1000);
  const message = `this clock is ${Math.abs(skewS)} s ${skewS > 0 ? "behind" : "ahead of"} ${ref.what}'s`;
  const fix = `synchronise the clocks (timedatectl set-ntp true, here and on ${ref.what}'s machine)`;
  if (Math.abs(skewS) > REFUSED_SKEW_S) {
    return fail(
      "clock",
      message,
      `${fix}: sales dated more than ${REFUSED_SKEW_S} s off are refused by default (maxClockSkewSeconds)`,
    );
  }
  if (Math.abs(skewS) > WARN_SKEW_S) return warn("clock", message, fix);
  return ok("clock", Math.abs(skewS) <= 1 ? `this clock agrees with ${ref.what}'s` : message);
}

/** NATS reachable (TCP and its INFO line) and its credentials file readable and valid. */
export async function natsChecks(setup: Setup): Promise<CheckResult[]> {
  if (setup.mode === "till") return [];
  const { nats, natsCreds } = setup.options;
  if (!nats) {
    return [
      ok(
        "nats",
        setup.mode === "store"
          ? "not configured: the store runs on its own"
          : "not configured: no store replicates",
      ),
    ];
  }
  const checks: CheckResult[] = [];
  if (natsCreds !== undefined) {
    try {
      accessSync(natsCreds, constants.R_OK);
      await natsSecurity(nats, natsCreds);
      checks.push(ok("nats credentials", `${natsCreds} is readable and valid`));
    } catch (err) {
      checks.push(
        fail(
          "nats credentials",
          `${natsCreds}: ${errorText(err)}`,
          "give the credentials file head office made for this machine (--nats-creds), readable by the service's user",
        ),
      );
    }
  }
  const address = /^[a-z]+:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/]+)(?::(\d+))?/.exec(nats);
  const host = (address?.[1] ?? "").replace(/^\[|\]$/g, "");
  const port = Number(address?.[2] ?? 4222);
  let info: string;
  try {
    info = await tcpProbe(host, port, true);
  } catch (err) {
    checks.unshift(
      fail(
        "nats",
        `cannot reach the NATS server at ${nats}: ${errorText(err)}`,
        "start nats-server there (or check --nats and the firewall); sales wait in the outbox meanwhile",
      ),
    );
    return checks;
  }
  if (!info.startsWith("INFO ")) {
    checks.unshift(fail("nats", `${host}:${port} answered, but not as a NATS server`, "check --nats"));
    return checks;
  }
  let details: { version?: unknown; auth_required?: unknown } = {};
  try {
    details = JSON.parse(info.slice(5)) as typeof details;
  } catch {}
  const version = typeof details.version === "string" ? ` ${details.version}` : "";
  if (details.auth_required === true && natsCreds === undefined) {
    checks.unshift(
      fail(
        "nats",
        `nats-server${version} at ${nats} asks for credentials`,
        "give --nats-creds FILE (from head office)",
      ),
    );
  } else {
    checks.unshift(ok("nats", `nats-server${version} answers at ${nats}`));
  }
  return checks;
}

const DEVICE_KINDS = ["printer", "scale", "display"] as const;

/** A till's printer, scale and display: a network printer answers, a device node exists. */
export async function deviceChecks(setup: Setup): Promise<CheckResult[]> {
  if (setup.mode !== "till") return [];
  const checks: CheckResult[] = [];
  for (const kind of DEVICE_KINDS) {
    const uri = setup.options[kind];
    if (uri === undefined) continue;
    const name = `${kind}`;
    let address: ReturnType<typeof parseDeviceUri>;
    try {
      address = parseDeviceUri(kind, uri);
    } catch (err) {
      checks.push(fail(name, errorText(err), `correct the ${kind} URI (see docs/devices.md)`));
      continue;
    }
    if (address.scheme === "tcp") {
      try {
        await tcpProbe(address.host, address.port, false);
        checks.push(ok(name, `${uri} accepts connections`));
      } catch (err) {
        checks.push(
          fail(
            name,
            `cannot reach ${uri}: ${errorText(err)}`,
            `check that the ${kind} is on, on the network, at that address`,
          ),
        );
      }
    } else if (address.scheme === "file" || address.scheme === "serial") {
      if (!existsSync(address.path)) {
        checks.push(
          fail(name, `${address.path} does not exist`, `plug the ${kind} in, or correct its device path`),
        );
        continue;
      }
      try {
        accessSync(address.path, constants.R_OK | constants.W_OK);
        checks.push(ok(name, `${address.path} is there`));
      } catch {
        checks.push(
          fail(
            name,
            `${address.path} is there but this user may not use it`,
            "add the till's user to the device's group (dialout for serial ports, lp for printers)",
          ),
        );
      }
    } else {
      checks.push(ok(name, `${uri}: simulated`));
    }
  }
  if (checks.length === 0) checks.push(ok("devices", "no printer, scale or display configured"));
  return checks;
}
