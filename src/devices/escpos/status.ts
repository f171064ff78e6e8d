/**
 * Printer status over DLE EOT. Every answer byte has bit 1 and bit 4 set and bits 0 and 7
 * clear (0x12 when all is well), which tells status bytes apart from stray data.
 *   DLE EOT 1 (printer):        bit 3 offline
 *   DLE EOT 2 (offline cause):  bit 2 cover open, bit 5 stopped at paper end, bit 6 error
 *   DLE EOT 4 (paper sensor):   bits 2–3 paper near end, bits 5–6 paper end
 */
import type { FrameParser } from "../io/byte-inbox.ts";
import { statusRequest } from "./commands.ts";

export interface PrinterStatus {
  online: boolean;
  coverOpen: boolean;
  paperOut: boolean;
  paperNearEnd: boolean;
  error: boolean;
}

export const STATUS_OK: PrinterStatus = {
  online: true,
  coverOpen: false,
  paperOut: false,
  paperNearEnd: false,
  error: false,
};

/** The three status requests a driver sends before printing. */
export const FULL_STATUS_QUERY = Uint8Array.of(...statusRequest(1), ...statusRequest(2), ...statusRequest(4));

export function isStatusByte(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

/** Finds `count` status bytes in what the printer sent back (ignoring anything else). */
export function statusBytes(count: number): FrameParser<number[]> {
  return (bytes) => {
    const found: number[] = [];
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i] ?? 0;
      if (!isStatusByte(byte)) continue;
      found.push(byte);
      if (found.length === count) return { value: found, consumed: i + 1 };
    }
    return undefined;
  };
}

/** Reads the answers to FULL_STATUS_QUERY (printer, offline cause, paper sensor). */
export function parseFullStatus([printer = 0x12, cause = 0x12, paper = 0x12]: number[]): PrinterStatus {
  return {
    online: (printer & 0x08) === 0,
    coverOpen: (cause & 0x04) !== 0,
    paperOut: (paper & 0x60) !== 0 || (cause & 0x20) !== 0,
    paperNearEnd: (paper & 0x0c) !== 0,
    error: (cause & 0x40) !== 0,
  };
}

/** The byte a printer in `status` answers to DLE EOT n (used by simulated printers). */
export function statusReply(n: number, status: PrinterStatus): number {
  const offline = !status.online || status.coverOpen || status.paperOut || status.error;
  switch (n) {
    case 1:
      return 0x12 | (offline ? 0x08 : 0);
    case 2:
      return 0x12 | (status.coverOpen ? 0x04 : 0) | (status.paperOut ? 0x20 : 0) | (status.error ? 0x40 : 0);
    case 4:
      return 0x12 | (status.paperNearEnd ? 0x0c : 0) | (status.paperOut ? 0x60 : 0);
    default:
      return 0x12;
  }
}

export function describeStatus(status: PrinterStatus): string {
  if (status.paperOut) return "out of paper";
  if (status.coverOpen) return "cover open";
  if (status.error) return "in error (check for a paper jam or cutter fault)";
  if (!status.online) return "offline";
  return status.paperNearEnd ? "ready, paper running low" : "ready";
}
