/**
 * A simulated fiscal printer on a loopback TCP port: it numbers the receipts it prints and keeps
 * them in its fiscal memory. `paper` = "out" answers ERR PAPER_OUT; `mode` makes it silent or
 * answer garbage.
 */
import { LineServer } from "../io/line-server.ts";

export class SimulatedRegistrar {
  paper: "ok" | "out" = "ok";
  mode: "ok" | "silent" | "garbage" = "ok";
  /** The fiscal memory: every receipt printed, in order. */
  readonly memory: { fiscalReceiptNo: string; text: string }[] = [];
  private readonly server = new LineServer((line) => this.answer(line));

  listen(): Promise<string> {
    return this.server.listen();
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private answer(line: string): string | null {
    if (this.mode === "silent") return null;
    if (this.mode === "garbage") return "?? 1 2 3";
    const [op, data] = line.split(" ");
    if (op !== "PRINT" || data === undefined) return "ERR BAD_REQUEST not a PRINT";
    if (this.paper === "out") return "ERR PAPER_OUT the printer is out of paper";
    const fiscalReceiptNo = `FN-${String(this.memory.length + 1).padStart(6, "0")}`;
    this.memory.push({ fiscalReceiptNo, text: Buffer.from(data, "base64").toString("utf8") });
    return `OK ${fiscalReceiptNo} ${this.memory.length}`;
  }
}
