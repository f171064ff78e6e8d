/**
 * A 2×20 customer display's screen, driven by the bytes a display receives: the Epson
 * customer-display command set (ESC @, CLR, US $ x y, ESC t n) or the CD5220 set
 * (ESC Q A / ESC Q B text CR). The simulated display and the tests read the screen from it.
 */
import { type CodePageName, decodeByte, pageForTable } from "../escpos/code-pages.ts";

export type DisplayProtocol = "epson" | "cd5220";

const ESC = 0x1b;
const US = 0x1f;
const CLR = 0x0c;
const HOM = 0x0b;
const CR = 0x0d;
const LF = 0x0a;

export class DisplayEmulator {
  private grid: string[][] = [];
  private row = 0;
  private col = 0;
  private page: CodePageName = "pc437";
  private pending: number[] = [];
  /** Set while a CD5220 ESC Q A/B line is being received. */
  private cdLine: number | undefined;
  private cdText: string[] = [];

  constructor(
    readonly protocol: DisplayProtocol = "epson",
    readonly columns = 20,
    readonly rows = 2,
  ) {
    this.clear();
  }

  /** The screen as text, one string per row, trailing spaces kept. */
  screen(): string[] {
    return this.grid.map((cells) => cells.join(""));
  }

  receive(chunk: Uint8Array): void {
    const bytes = [...this.pending, ...chunk];
    this.pending = [];
    let i = 0;
    while (i < bytes.length) {
      const consumed = this.step(bytes, i);
      if (consumed === 0) {
        this.pending = bytes.slice(i);
        return;
      }
      i += consumed;
    }
  }

  private clear(): void {
    this.grid = Array.from({ length: this.rows }, () => Array.from({ length: this.columns }, () => " "));
    this.row = 0;
    this.col = 0;
  }

  private put(char: string): void {
    const cells = this.grid[this.row];
    if (cells !== undefined && this.col < this.columns) cells[this.col] = char;
    this.col += 1;
    if (this.col >= this.columns) {
      this.col = 0;
      this.row = (this.row + 1) % this.rows;
    }
  }

  /** Handles the command at `i`; returns how many bytes it used, or 0 when more are needed. */
  private step(bytes: number[], i: number): number {
    const b = bytes[i] ?? 0;
    const need = (n: number): boolean => i + n <= bytes.length;
    if (this.cdLine !== undefined) {
      if (b === CR) {
        const cells = this.grid[this.cdLine];
        if (cells !== undefined) for (let c = 0; c < this.columns; c++) cells[c] = this.cdText[c] ?? " ";
        this.cdLine = undefined;
        this.cdText = [];
      } else {
        this.cdText.push(decodeByte(b, this.page));
      }
      return 1;
    }
    if (b === ESC) {
      if (!need(2)) return 0;
      const c = bytes[i + 1];
      if (c === 0x40) {
        this.clear();
        this.page = "pc437";
        return 2;
      }
      if (c === 0x74) {
        if (!need(3)) return 0;
        this.page = pageForTable(bytes[i + 2] ?? 0) ?? this.page;
        return 3;
      }
      if (c === 0x51 && this.protocol === "cd5220") {
        if (!need(3)) return 0;
        this.cdLine = (bytes[i + 2] ?? 0x41) === 0x42 ? 1 : 0;
        return 3;
      }
      return 2;
    }
    if (b === US) {
      if (!need(2)) return 0;
      if (bytes[i + 1] === 0x24) {
        if (!need(4)) return 0;
        this.col = Math.min(this.columns, Math.max(1, bytes[i + 2] ?? 1)) - 1;
        this.row = Math.min(this.rows, Math.max(1, bytes[i + 3] ?? 1)) - 1;
        return 4;
      }
      return 2;
    }
    if (b === CLR) this.clear();
    else if (b === HOM) {
      this.row = 0;
      this.col = 0;
    } else if (b === CR) this.col = 0;
    else if (b === LF) this.row = Math.min(this.rows - 1, this.row + 1);
    else if (b >= 0x20) this.put(decodeByte(b, this.page));
    return 1;
  }
}
