/**
 * The printer's end of an ESC/POS conversation: answers DLE EOT status requests from its
 * current state and keeps everything else as printed data. The simulated printer (`sim:`) and
 * the tests' network printer are built on it.
 */
import { DLE, EOT } from "./commands.ts";
import { type PrinterStatus, STATUS_OK, statusReply } from "./status.ts";

export class PrinterEmulator {
  status: PrinterStatus = { ...STATUS_OK };
  private printed: number[] = [];
  private tail: number[] = [];

  /** Bytes from the host; returns the status bytes the printer answers with. */
  receive(chunk: Uint8Array): Uint8Array {
    const bytes = [...this.tail, ...chunk];
    this.tail = [];
    const replies: number[] = [];
    let i = 0;
    while (i < bytes.length) {
      const b = bytes[i] ?? 0;
      if (b === DLE && i + 2 >= bytes.length && (i + 1 >= bytes.length || bytes[i + 1] === EOT)) {
        this.tail = bytes.slice(i);
        break;
      }
      if (b === DLE && bytes[i + 1] === EOT) {
        replies.push(statusReply(bytes[i + 2] ?? 0, this.status));
        i += 3;
        continue;
      }
      this.printed.push(b);
      i += 1;
    }
    return Uint8Array.from(replies);
  }

  /** Everything printed so far (status requests removed). */
  output(): Uint8Array {
    return Uint8Array.from(this.printed);
  }

  /** Takes the printed bytes, leaving the paper empty. */
  take(): Uint8Array {
    const out = this.output();
    this.printed = [];
    return out;
  }
}
