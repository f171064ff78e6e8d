/**
 * The servers of `--nats URL[,URL…]`: one NATS server, or several of a cluster. The client
 * connects to any of them (in random order, so a shop's stores do not all pick the same one),
 * learns the cluster's other members from the server, and reconnects to another when its
 * server goes away. Every entry is checked at start and a bad one is named with its fault.
 */

const NATS_URL = /^(nats|tls):\/\/(?:[^\s@/]+@)?(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)(?::(\d+))?\/?$/;
const NATS_URL_EXAMPLE = "nats://127.0.0.1:4222 or tls://host:4222";

/** The servers of a list, or the first fault found in it. */
export function parseNatsServers(
  input: string | readonly string[],
): { ok: true; servers: string[] } | { ok: false; problem: string } {
  const entries = typeof input === "string" ? input.split(",") : [...input];
  if (entries.length === 0 || (entries.length === 1 && entries[0]?.trim() === "")) {
    return { ok: false, problem: "give at least one NATS server" };
  }
  const servers: string[] = [];
  for (const [i, raw] of entries.entries()) {
    const entry = raw.trim();
    const which = `server ${i + 1} of ${entries.length}`;
    if (entry === "") {
      return { ok: false, problem: `${which} is empty: separate the servers' URLs with single commas` };
    }
    const match = NATS_URL.exec(entry);
    if (!match) {
      return {
        ok: false,
        problem: `${which} (${JSON.stringify(entry)}) must be a NATS URL such as ${NATS_URL_EXAMPLE}`,
      };
    }
    const port = match[3] === undefined ? 4222 : Number(match[3]);
    if (port < 1 || port > 65535) {
      return {
        ok: false,
        problem: `${which} (${JSON.stringify(entry)}) has port ${port}: it must be between 1 and 65535`,
      };
    }
    if (servers.includes(entry))
      return { ok: false, problem: `${which} (${JSON.stringify(entry)}) is given twice` };
    servers.push(entry);
  }
  const schemes = new Set(servers.map((s) => s.slice(0, s.indexOf(":"))));
  if (schemes.size > 1) {
    return {
      ok: false,
      problem:
        "mixes nats:// and tls:// servers: a connection uses TLS with every server of the list or with none",
    };
  }
  return { ok: true, servers };
}

/** The servers of a list already validated at start (by the options' schema). */
export function natsServerList(list: string): string[] {
  const parsed = parseNatsServers(list);
  if (!parsed.ok) throw new Error(`--nats: ${parsed.problem}`);
  return parsed.servers;
}

/** Whether the list's servers use TLS (a list never mixes nats:// and tls://). */
export function natsListWantsTls(list: string): boolean {
  return list.trimStart().startsWith("tls://");
}

/** The host:port entries nats.js wants from nats:// or tls:// URLs. */
export function natsServers(list: string): string[] {
  return natsServerList(list).map((url) => url.replace(/^(nats|tls):\/\//, "").replace(/\/$/, ""));
}
