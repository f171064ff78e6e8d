/**
 * Barcode scanners. A keyboard-wedge scanner types the code and Enter into the till like a
 * keyboard (the till reads it as keys); a serial scanner sends each code as a line. Either way
 * the till gets whole codes through `onScan`.
 */
import type { SerialLine } from "../io/serial-line.ts";

export interface Scanner {
  readonly description: string;
  onScan(listener: (code: string) => void): () => void;
  close(): Promise<void>;
}

export type Terminator = "cr" | "lf" | "crlf" | "any";

/** Longest code accepted; anything longer is line noise and is dropped. */
export const MAX_CODE_LENGTH = 128;

/** Splits a character stream into codes at the terminator, dropping blanks and control characters. */
export class CodeAssembler {
  private buffer = "";

  constructor(private readonly terminator: Terminator = "any") {}

  push(text: string): string[] {
    const codes: string[] = [];
    for (const char of text) {
      const ends =
        this.terminator === "any"
          ? char === "\r" || char === "\n"
          : this.terminator === "lf"
            ? char === "\n"
            : char === "\r";
      if (ends) {
        const code = this.buffer.trim();
        this.buffer = "";
        if (code.length > 0 && code.length <= MAX_CODE_LENGTH) codes.push(code);
        continue;
      }
      const code = char.codePointAt(0) ?? 0;
      if (code < 0x20 || code === 0x7f) continue;
      this.buffer += char;
      if (this.buffer.length > MAX_CODE_LENGTH * 2) this.buffer = "";
    }
    return codes;
  }
}

class ListenerSet {
  private readonly listeners = new Set<(code: string) => void>();
  add(listener: (code: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(code: string): void {
    for (const listener of [...this.listeners]) listener(code);
  }
}

export class SerialScanner implements Scanner {
  private readonly listeners = new ListenerSet();
  private readonly assembler: CodeAssembler;
  readonly description: string;

  constructor(
    private readonly line: SerialLine,
    terminator: Terminator = "any",
  ) {
    this.description = `serial scanner at ${line.path}`;
    // A CR LF pair ends one code: "any" ends at CR and drops the blank line before LF.
    this.assembler = new CodeAssembler(terminator === "crlf" ? "any" : terminator);
    line.onData((chunk) => {
      for (const code of this.assembler.push(new TextDecoder("latin1").decode(chunk)))
        this.listeners.emit(code);
    });
    line.start();
  }

  onScan(listener: (code: string) => void): () => void {
    return this.listeners.add(listener);
  }

  close(): Promise<void> {
    return this.line.close();
  }
}

/** A keyboard-wedge scanner: the till feeds it the text it reads from the keyboard. */
export class KeyboardWedgeScanner implements Scanner {
  readonly description = "keyboard-wedge scanner";
  private readonly listeners = new ListenerSet();
  private readonly assembler = new CodeAssembler("any");

  feed(text: string): void {
    for (const code of this.assembler.push(text)) this.listeners.emit(code);
  }

  onScan(listener: (code: string) => void): () => void {
    return this.listeners.add(listener);
  }

  async close(): Promise<void> {}
}

/** A scanner for tests and demos: `scan(code)` is a code read at the counter. */
export class SimulatedScanner implements Scanner {
  readonly description = "simulated scanner";
  private readonly listeners = new ListenerSet();

  scan(code: string): void {
    this.listeners.emit(code);
  }

  onScan(listener: (code: string) => void): () => void {
    return this.listeners.add(listener);
  }

  async close(): Promise<void> {}
}
