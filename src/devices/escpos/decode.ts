/**
 * Reads ESC/POS bytes back into commands and printed text: what a printer would do with them.
 * Tests assert on it, the simulated printer shows its paper with it, and a support engineer
 * can point it at a captured job.
 */
import { type CodePageName, decodeByte, pageForTable } from "./code-pages.ts";

export type EscPosCommand =
  | { op: "init" }
  | { op: "codepage"; table: number; page: CodePageName | undefined }
  | { op: "text"; text: string }
  | { op: "newline" }
  | { op: "bold"; on: boolean }
  | { op: "underline"; mode: number }
  | { op: "align"; align: "left" | "center" | "right" }
  | { op: "print-mode"; tall: boolean; wide: boolean; bold: boolean }
  | { op: "size"; height: number; width: number }
  | { op: "feed"; lines: number }
  | { op: "cut"; partial: boolean }
  | { op: "drawer-kick"; pin: 2 | 5; onMs: number; offMs: number }
  | { op: "barcode"; type: number; data: string }
  | { op: "barcode-setting"; setting: "hri-position" | "hri-font" | "width" | "height"; value: number }
  | {
      op: "qr";
      data: string;
      model: number | undefined;
      cellSize: number | undefined;
      correction: string | undefined;
    }
  /** GS v 0: a raster image, `width` × `height` dots, rows of `width / 8` bytes (1 = black). */
  | { op: "raster"; width: number; height: number; data: number[] }
  | { op: "status-request"; n: number }
  /** Page mode (labels): ESC L enters it, ESC W sets the area, ESC $ / GS $ place, FF prints, GS FF feeds a label. */
  | { op: "page-mode" }
  | { op: "print-area"; x: number; y: number; width: number; height: number }
  | { op: "position"; axis: "x" | "y"; dots: number }
  | { op: "print-page" }
  | { op: "label-feed" }
  | { op: "other"; bytes: number[] };

export interface DecodedJob {
  commands: EscPosCommand[];
  /** The printed text, one entry per line (a cut ends the current line too). */
  lines: string[];
}

const ALIGN = ["left", "center", "right"] as const;
const CORRECTION: Record<number, string> = { 48: "L", 49: "M", 50: "Q", 51: "H" };

export function decodeEscPos(input: Uint8Array): DecodedJob {
  const bytes = input;
  const commands: EscPosCommand[] = [];
  const lines: string[] = [];
  let page: CodePageName = "pc437";
  let line = "";
  let text = "";
  const qr: { model?: number; cellSize?: number; correction?: string; data?: string } = {};
  const at = (i: number): number => bytes[i] ?? 0;
  const flushText = (): void => {
    if (text !== "") commands.push({ op: "text", text });
    text = "";
  };
  const push = (command: EscPosCommand): void => {
    flushText();
    commands.push(command);
  };
  const endLine = (): void => {
    lines.push(line);
    line = "";
  };
  const ascii = (from: number, to: number): string => String.fromCharCode(...bytes.slice(from, to));

  let i = 0;
  while (i < bytes.length) {
    const b = at(i);
    if (b === 0x0a) {
      push({ op: "newline" });
      endLine();
      i += 1;
    } else if (b === 0x0d) {
      i += 1;
    } else if (b === 0x1b) {
      const c = at(i + 1);
      const n = at(i + 2);
      switch (c) {
        case 0x40:
          push({ op: "init" });
          page = "pc437";
          i += 2;
          break;
        case 0x74:
          push({ op: "codepage", table: n, page: pageForTable(n) });
          page = pageForTable(n) ?? page;
          i += 3;
          break;
        case 0x45:
          push({ op: "bold", on: (n & 1) === 1 });
          i += 3;
          break;
        case 0x2d:
          push({ op: "underline", mode: n });
          i += 3;
          break;
        case 0x61:
          push({ op: "align", align: ALIGN[n % 48] ?? "left" });
          i += 3;
          break;
        case 0x21:
          push({ op: "print-mode", tall: (n & 0x10) !== 0, wide: (n & 0x20) !== 0, bold: (n & 0x08) !== 0 });
          i += 3;
          break;
        case 0x64:
          push({ op: "feed", lines: n });
          i += 3;
          break;
        case 0x70:
          push({ op: "drawer-kick", pin: n % 48 === 0 ? 2 : 5, onMs: at(i + 3) * 2, offMs: at(i + 4) * 2 });
          i += 5;
          break;
        case 0x4c:
          push({ op: "page-mode" });
          i += 2;
          break;
        case 0x57: {
          const word = (k: number): number => at(i + 2 + k * 2) + at(i + 3 + k * 2) * 256;
          push({ op: "print-area", x: word(0), y: word(1), width: word(2), height: word(3) });
          i += 10;
          break;
        }
        case 0x24:
          push({ op: "position", axis: "x", dots: n + at(i + 3) * 256 });
          i += 4;
          break;
        case 0x32:
          push({ op: "other", bytes: [b, c] });
          i += 2;
          break;
        default:
          push({ op: "other", bytes: [b, c, n] });
          i += 3;
      }
    } else if (b === 0x1d) {
      const c = at(i + 1);
      const n = at(i + 2);
      if (c === 0x24) {
        push({ op: "position", axis: "y", dots: n + at(i + 3) * 256 });
        if (line !== "") endLine();
        i += 4;
      } else if (c === 0x0c) {
        push({ op: "label-feed" });
        i += 2;
      } else if (c === 0x56) {
        const withFeed = n === 65 || n === 66;
        push({ op: "cut", partial: n === 1 || n === 49 || n === 66 });
        if (line !== "") endLine();
        i += withFeed ? 4 : 3;
      } else if (c === 0x76 && n === 0x30) {
        const widthBytes = at(i + 4) + at(i + 5) * 256;
        const height = at(i + 6) + at(i + 7) * 256;
        const size = widthBytes * height;
        push({ op: "raster", width: widthBytes * 8, height, data: [...bytes.slice(i + 8, i + 8 + size)] });
        i += 8 + size;
      } else if (c === 0x21) {
        push({ op: "size", height: (n & 0x07) + 1, width: ((n >> 4) & 0x07) + 1 });
        i += 3;
      } else if (c === 0x48 || c === 0x66 || c === 0x77 || c === 0x68) {
        const setting = ({ 72: "hri-position", 102: "hri-font", 119: "width", 104: "height" } as const)[c];
        push({ op: "barcode-setting", setting, value: n });
        i += 3;
      } else if (c === 0x6b) {
        if (n <= 6) {
          let end = i + 3;
          while (end < bytes.length && at(end) !== 0) end++;
          push({ op: "barcode", type: n, data: ascii(i + 3, end) });
          i = end + 1;
        } else {
          const length = at(i + 3);
          let data = ascii(i + 4, i + 4 + length);
          if (n === 73 && data.startsWith("{")) data = data.slice(2);
          push({ op: "barcode", type: n, data });
          i += 4 + length;
        }
      } else if (c === 0x28 && n === 0x6b) {
        const length = at(i + 3) + at(i + 4) * 256;
        const cn = at(i + 5);
        const fn = at(i + 6);
        const param = at(i + 7);
        if (cn === 0x31 && fn === 0x41) qr.model = param - 48;
        else if (cn === 0x31 && fn === 0x43) qr.cellSize = param;
        else if (cn === 0x31 && fn === 0x45) qr.correction = CORRECTION[param] ?? String(param);
        else if (cn === 0x31 && fn === 0x50) qr.data = ascii(i + 8, i + 5 + length);
        else if (cn === 0x31 && fn === 0x51) {
          push({
            op: "qr",
            data: qr.data ?? "",
            model: qr.model,
            cellSize: qr.cellSize,
            correction: qr.correction,
          });
        } else push({ op: "other", bytes: [...bytes.slice(i, i + 5 + length)] });
        i += 5 + length;
      } else {
        push({ op: "other", bytes: [b, c, n] });
        i += 3;
      }
    } else if (b === 0x10 && at(i + 1) === 0x04) {
      push({ op: "status-request", n: at(i + 2) });
      i += 3;
    } else if (b === 0x10 && at(i + 1) === 0x14 && at(i + 2) === 1) {
      push({
        op: "drawer-kick",
        pin: at(i + 3) === 0 ? 2 : 5,
        onMs: at(i + 4) * 100,
        offMs: at(i + 4) * 100,
      });
      i += 5;
    } else if (b === 0x0c) {
      push({ op: "print-page" });
      if (line !== "") endLine();
      i += 1;
    } else if (b < 0x20) {
      push({ op: "other", bytes: [b] });
      i += 1;
    } else {
      const char = decodeByte(b, page);
      text += char;
      line += char;
      i += 1;
    }
  }
  flushText();
  if (line !== "") lines.push(line);
  return { commands, lines };
}
