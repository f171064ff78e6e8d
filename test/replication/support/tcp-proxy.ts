/**
 * A TCP proxy on loopback between one client and nats-server, to cut a single store off the
 * network while everything else keeps running: `cut()` drops its connections and refuses new
 * ones, `restore()` lets them through again on the same port.
 */
import type { Socket, TCPSocketListener } from "bun";

/** One direction of a connection: bytes waiting until the socket can take them. */
class Outbox {
  socket: Socket<Pair> | null = null;
  #queue: Uint8Array[] = [];

  send(chunk: Uint8Array): void {
    if (!this.socket || this.#queue.length > 0) {
      this.#queue.push(chunk.slice());
      return;
    }
    const written = this.socket.write(chunk);
    if (written < chunk.length) this.#queue.push(chunk.slice(Math.max(0, written)));
  }

  /** Writes what waits, as far as the socket takes it (on open and on drain). */
  flush(): void {
    while (this.socket && this.#queue.length > 0) {
      const chunk = this.#queue[0] as Uint8Array;
      const written = this.socket.write(chunk);
      if (written < chunk.length) {
        this.#queue[0] = chunk.slice(Math.max(0, written));
        return;
      }
      this.#queue.shift();
    }
  }
}

interface Pair {
  toClient: Outbox;
  toUpstream: Outbox;
}

export class TcpProxy implements AsyncDisposable {
  #listener: TCPSocketListener<Pair> | null = null;
  #pairs = new Set<Pair>();
  #port = 0;

  private constructor(private readonly targetPort: number) {}

  static async start(targetPort: number): Promise<TcpProxy> {
    const proxy = new TcpProxy(targetPort);
    proxy.#listen(0);
    return proxy;
  }

  get port(): number {
    return this.#port;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.#port}`;
  }

  #listen(port: number): void {
    const targetPort = this.targetPort;
    const pairs = this.#pairs;
    const close = (pair: Pair) => {
      pair.toClient.socket?.end();
      pair.toUpstream.socket?.end();
      pairs.delete(pair);
    };
    this.#listener = Bun.listen<Pair>({
      hostname: "127.0.0.1",
      port,
      socket: {
        open(client) {
          const pair: Pair = { toClient: new Outbox(), toUpstream: new Outbox() };
          pair.toClient.socket = client;
          client.data = pair;
          pairs.add(pair);
          Bun.connect<Pair>({
            hostname: "127.0.0.1",
            port: targetPort,
            socket: {
              open(upstream) {
                upstream.data = pair;
                pair.toUpstream.socket = upstream;
                pair.toUpstream.flush();
              },
              data: (_upstream, chunk) => pair.toClient.send(chunk),
              drain: () => pair.toUpstream.flush(),
              close: () => close(pair),
              error: () => close(pair),
            },
          }).catch(() => close(pair));
        },
        data: (client, chunk) => client.data.toUpstream.send(chunk),
        drain: (client) => client.data.toClient.flush(),
        close: (client) => close(client.data),
        error: (client) => close(client.data),
      },
    });
    this.#port = this.#listener.port;
  }

  /** Drops every connection through the proxy and refuses new ones. */
  cut(): void {
    this.#listener?.stop(true);
    this.#listener = null;
    for (const pair of this.#pairs) {
      pair.toClient.socket?.terminate();
      pair.toUpstream.socket?.terminate();
    }
    this.#pairs.clear();
  }

  /** Accepts connections again, on the same port. */
  restore(): void {
    if (!this.#listener) this.#listen(this.#port);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.cut();
  }
}
