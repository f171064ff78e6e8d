/**
 * A loopback TCP server answering one line per request line: the simulated signature device and
 * fiscal printer. `answer` returns the answer line, or null to stay silent.
 */
import { createServer, type Server, type Socket } from "node:net";

/** What `answer` returns to close the connection instead of answering (a link lost). */
export const HANG_UP = Symbol("hang up");

export class LineServer {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly answer: (line: string) => string | null | typeof HANG_UP) {}

  /** Listens on a free loopback port; answers the URI (`tcp://127.0.0.1:PORT`). */
  async listen(): Promise<string> {
    const server = createServer((socket) => this.serve(socket));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    if (address === null || typeof address === "string") throw new Error("no port");
    return `tcp://127.0.0.1:${address.port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private serve(socket: Socket): void {
    this.sockets.add(socket);
    socket.on("close", () => this.sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    let buffered = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      buffered += chunk;
      for (let end = buffered.indexOf("\n"); end >= 0; end = buffered.indexOf("\n")) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 1);
        const answer = this.answer(line);
        if (answer === HANG_UP) {
          socket.destroy();
          return;
        }
        if (answer !== null) socket.write(`${answer}\n`);
      }
    });
  }
}
