/**
 * A JetStream cluster of nats-server processes on loopback for replication tests: each node
 * its own directory and store dir, routes to every other node, and the faults a cluster must
 * survive (kill -9 of any node, its restart on the same ports and store dir). Which node leads
 * a stream is asked of the cluster itself (`$JS.API.STREAM.INFO`).
 *
 *   await using cluster = await startNatsCluster(3);
 *   const leader = await cluster.streamLeader("RINGUP_STORE_EVENTS");
 *   await cluster.node(leader).kill9();
 */
import { type ConsumerInfo, jetstreamManager, type StreamInfo } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { type NatsServerProcess, startNats } from "../../support/nats-server.ts";
import { waitFor } from "./wait.ts";

/** Free loopback ports, held open together so that none is handed out twice. */
async function freePorts(count: number): Promise<number[]> {
  const sockets = Array.from({ length: count }, () =>
    Bun.listen({ hostname: "127.0.0.1", port: 0, socket: { data() {} } }),
  );
  const ports = sockets.map((s) => s.port);
  for (const s of sockets) s.stop(true);
  return ports;
}

export class NatsCluster implements AsyncDisposable {
  constructor(readonly nodes: readonly NatsServerProcess[]) {}

  /** Every node's client URL, separated by commas: what `--nats` takes. */
  get url(): string {
    return this.nodes.map((n) => n.url).join(",");
  }

  /** The node with this server name (`n1`, `n2`, …). */
  node(name: string): NatsServerProcess {
    const index = Number(name.replace(/^n/, "")) - 1;
    const node = this.nodes[index];
    if (!node) throw new Error(`no node ${name} in this cluster`);
    return node;
  }

  nameOf(node: NatsServerProcess): string {
    return `n${this.nodes.indexOf(node) + 1}`;
  }

  get running(): NatsServerProcess[] {
    return this.nodes.filter((n) => n.running);
  }

  /** Runs `fn` on a short-lived connection to the running nodes. */
  async #withConnection<T>(fn: (nc: NatsConnection) => Promise<T>): Promise<T> {
    const servers = this.running.map((n) => `127.0.0.1:${n.port}`);
    const nc = await connect({ servers, timeout: 2_000, maxReconnectAttempts: 0 });
    try {
      return await fn(nc);
    } finally {
      await nc.close().catch(() => undefined);
    }
  }

  /** The stream's info as the cluster answers it now (with its leader and replicas). */
  streamInfo(stream: string): Promise<StreamInfo> {
    return this.#withConnection(async (nc) =>
      (await jetstreamManager(nc, { timeout: 2_000 })).streams.info(stream),
    );
  }

  /** A consumer's info as the cluster answers it now. */
  consumerInfo(stream: string, consumer: string): Promise<ConsumerInfo> {
    return this.#withConnection(async (nc) =>
      (await jetstreamManager(nc, { timeout: 2_000 })).consumers.info(stream, consumer),
    );
  }

  /** The server name of the stream's leader, once it has one. */
  async streamLeader(stream: string, timeoutMs = 30_000): Promise<string> {
    return waitFor(
      async () => (await this.streamInfo(stream)).cluster?.leader,
      `a leader of ${stream}`,
      timeoutMs,
      100,
    );
  }

  /** Waits until JetStream answers in the cluster (a meta leader is elected). */
  async ready(timeoutMs = 30_000): Promise<void> {
    await waitFor(
      () =>
        this.#withConnection(async (nc) => (await jetstreamManager(nc, { timeout: 2_000 })).getAccountInfo()),
      "the JetStream cluster to elect its meta leader",
      timeoutMs,
      100,
    );
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await Promise.allSettled(this.nodes.map((n) => n[Symbol.asyncDispose]()));
  }
}

/** `size` nodes of one cluster, started together; answers once JetStream is ready in it. */
export async function startNatsCluster(size = 3): Promise<NatsCluster> {
  const routePorts = await freePorts(size);
  const name = `ringup_${process.pid}`;
  const started = await Promise.allSettled(
    routePorts.map((port, i) =>
      startNats({
        serverName: `n${i + 1}`,
        cluster: { name, port, routes: routePorts.filter((p) => p !== port) },
      }),
    ),
  );
  const nodes = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const cluster = new NatsCluster(nodes);
  try {
    const failed = started.find((s) => s.status === "rejected");
    if (failed) throw failed.reason;
    await cluster.ready();
  } catch (err) {
    await cluster[Symbol.asyncDispose]();
    throw err;
  }
  return cluster;
}
