/**
 * A network receipt printer on 127.0.0.1 for tests: it answers DLE EOT status requests from its
 * `status` (load or take away the paper, open the cover) and keeps the bytes of every job.
 */
import * as net from "node:net";
import { PrinterEmulator } from "../../../src/devices/escpos/printer-emulator.ts";
import { type PrinterStatus, STATUS_OK } from "../../../src/devices/escpos/status.ts";

export class EscPosSink implements AsyncDisposable {
  readonly status: PrinterStatus = { ...STATUS_OK };
  /** Printed bytes of each connection that printed something, in order. */
  readonly jobs: Uint8Array[] = [];
  /** Every byte received, status requests included, per connection. */
  readonly raw: Uint8Array[] = [];
  private readonly sockets = new Set<net.Socket>();

  private constructor(
    private server: net.Server,
    readonly port: number,
  ) {}

  static async start(port = 0): Promise<EscPosSink> {
    const server = net.createServer();
    const bound = await new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen({ host: "127.0.0.1", port }, () => {
        const address = server.address();
        resolve(typeof address === "object" && address !== null ? address.port : port);
      });
    });
    const sink = new EscPosSink(server, bound);
    server.on("connection", (socket) => sink.accept(socket));
    return sink;
  }

  get uri(): string {
    return `tcp://127.0.0.1:${this.port}`;
  }

  private accept(socket: net.Socket): void {
    this.sockets.add(socket);
    const emulator = new PrinterEmulator();
    emulator.status = this.status;
    const received: number[] = [];
    socket.on("data", (chunk: Buffer) => {
      received.push(...chunk);
      const reply = emulator.receive(new Uint8Array(chunk));
      if (reply.length > 0) socket.write(reply);
    });
    socket.on("error", () => undefined);
    socket.on("close", () => {
      this.sockets.delete(socket);
      this.raw.push(Uint8Array.from(received));
      const printed = emulator.output();
      if (printed.length > 0) this.jobs.push(printed);
    });
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }
}

/** A loopback port with nothing listening on it (a printer that is switched off). */
export async function closedPort(): Promise<number> {
  const sink = await EscPosSink.start();
  await sink.stop();
  return sink.port;
}
