/**
 * A simulated fiscal printer on a loopback TCP port: it numbers the receipts it prints and keeps
 * them in its fiscal memory. `paper` = "out" answers ERR PAPER_OUT; `mode` makes it silent or
 * answer garbage.
 */
import { createServer, type Server, type Socket } from "node:net";

export class SimulatedRegistrar {
  paper: "ok" | "out" = "ok";
  mode: "ok" | "silent" | "garbage" = "ok";
  /** The fiscal memory: every receipt printed, in order. */
  readonly memory: { fiscalReceiptNo: string; text: string }[] = [];
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

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
      const end = buffered.indexOf("\n");
      if (end < 0 || this.mode === "silent") return;
      const [op, data] = buffered.slice(0, end).split(" ");
      buffered = buffered.slice(end + 1);
      if (this.mode === "garbage") socket.write("?? 1 2 3\n");
      else if (op !== "PRINT" || data === undefined) socket.write("ERR BAD_REQUEST not a PRINT\n");
      else if (this.paper === "out") socket.write("ERR PAPER_OUT the printer is out of paper\n");
      else {
        const fiscalReceiptNo = `FN-${String(this.memory.length + 1).padStart(6, "0")}`;
        this.memory.push({ fiscalReceiptNo, text: Buffer.from(data, "base64").toString("utf8") });
        socket.write(`OK ${fiscalReceiptNo} ${this.memory.length}\n`);
      }
    });
  }
}
