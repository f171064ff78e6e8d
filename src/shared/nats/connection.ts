/**
 * A long-lived NATS connection for a server process: connects in the background (the store
 * keeps selling while NATS is unreachable), reconnects for ever, and reports its state. Link
 * loss and recovery are logged once per transition, never once per retry.
 */
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { natsSecurity } from "./credentials.ts";
import { natsServers } from "./servers.ts";

export type LinkState = "connecting" | "up" | "down" | "closed";

export interface NatsLinkOptions {
  /**
   * nats://host:port or tls://host:port, or several (a cluster's servers) separated by commas:
   * the client connects to any of them and fails over to another.
   */
  url: string;
  /** Credentials file (--nats-creds). */
  credsPath?: string | undefined;
  /** Client name shown in the server's monitoring. */
  name: string;
  /** Prefix of reply inboxes (a store may only subscribe to its own). */
  inboxPrefix?: string;
  /** Where transitions are logged, e.g. "replication: link to NATS lost". */
  log: (line: string) => void;
  /** Words before each log line, e.g. "store S1: replication". */
  label: string;
}

type Listener = (state: LinkState) => void;

function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export class NatsLink {
  #state: LinkState = "connecting";
  #nc: NatsConnection | null = null;
  #closed = false;
  #listeners = new Set<Listener>();
  #wake: (() => void) | null = null;
  /** Counts connections (first connect and every reconnect), so users can tell a new one. */
  #epoch = 0;

  constructor(private readonly options: NatsLinkOptions) {}

  get state(): LinkState {
    return this.#state;
  }

  /** The connection while it is up, else null. */
  get connection(): NatsConnection | null {
    return this.#state === "up" ? this.#nc : null;
  }

  /** Increases on every (re)connection. */
  get epoch(): number {
    return this.#epoch;
  }

  /** Starts connecting in the background; never throws for an unreachable server. */
  start(): this {
    void this.#run();
    return this;
  }

  onChange(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Resolves with the connection once the link is up (at once if it is). */
  ready(): Promise<NatsConnection> {
    const nc = this.connection;
    if (nc) return Promise.resolve(nc);
    return new Promise((resolve, reject) => {
      const off = this.onChange((state) => {
        if (state === "up" && this.#nc) {
          off();
          resolve(this.#nc);
        } else if (state === "closed") {
          off();
          reject(new Error("the NATS link was closed"));
        }
      });
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#wake?.();
    const nc = this.#nc;
    this.#set("closed");
    if (nc && !nc.isClosed()) await nc.close().catch(() => undefined);
  }

  #set(state: LinkState): void {
    if (state === this.#state) return;
    if (state === "up") this.#epoch++;
    this.#state = state;
    for (const listener of [...this.#listeners]) listener(state);
  }

  #log(text: string): void {
    this.options.log(`${this.options.label}: ${text}`);
  }

  async #run(): Promise<void> {
    const { url } = this.options;
    let failures = 0;
    let everUp = false;
    let downLogged = false;
    while (!this.#closed) {
      let nc: NatsConnection;
      try {
        const security = await natsSecurity(url, this.options.credsPath);
        nc = await connect({
          ...security,
          servers: natsServers(url),
          name: this.options.name,
          ...(this.options.inboxPrefix ? { inboxPrefix: this.options.inboxPrefix } : {}),
          maxReconnectAttempts: -1,
          reconnectTimeWait: 250,
          reconnectJitter: 250,
          reconnectJitterTLS: 500,
          pingInterval: 10_000,
          maxPingOut: 2,
          timeout: 5_000,
          // A request's error carries the server's reason, which is what gets logged; the
          // client's own call-site stack, captured for every request (each JetStream publish
          // and ack) when this is off, is never shown and costs more than the publish.
          noAsyncTraces: true,
        });
      } catch (err) {
        if (!downLogged) {
          this.#log(`link to NATS ${url} is down (${reason(err)}); retrying in the background`);
          downLogged = true;
        }
        this.#set("down");
        failures++;
        await this.#sleep(Math.min(2_000, 100 * 2 ** Math.min(failures, 5)));
        continue;
      }
      if (this.#closed) {
        await nc.close().catch(() => undefined);
        break;
      }
      failures = 0;
      this.#nc = nc;
      this.#log(
        everUp || downLogged
          ? `link to NATS ${url} restored (${nc.getServer()})`
          : `link to NATS ${url} up (server ${nc.info?.version ?? "?"} at ${nc.getServer()})`,
      );
      everUp = true;
      downLogged = false;
      this.#set("up");
      for await (const status of nc.status()) {
        if (status.type === "disconnect") {
          if (!downLogged) this.#log(`link to NATS ${url} lost; reconnecting in the background`);
          downLogged = true;
          this.#set("down");
        } else if (status.type === "reconnect") {
          this.#log(`link to NATS ${url} restored (${nc.getServer()})`);
          downLogged = false;
          this.#set("up");
        }
      }
      const closedBy = await nc.closed();
      if (this.#closed) break;
      // The client gave up (e.g. the server refused the credentials twice): start over.
      if (!downLogged) {
        this.#log(`link to NATS ${url} closed${closedBy ? ` (${reason(closedBy)})` : ""}; reconnecting`);
        downLogged = true;
      }
      this.#set("down");
      await this.#sleep(1_000);
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.#wake = done;
    });
  }
}
