/**
 * A QR code drawn with half blocks (▀ ▄ █), two module rows per text row and one module per
 * column, so a phone can scan it off the customer-facing screen. Text consoles draw light
 * characters on black: the blocks are the light modules (and the quiet zone), the dark modules
 * are spaces, so the symbol shows dark on light as printed ones do.
 */
import type { QrMatrix } from "../../devices/qr/matrix.ts";

/** Modules of light margin around the symbol: 2 is enough for phones, 4 is the standard's. */
export const QR_SCREEN_QUIET = 2;

/** Columns and rows the drawing takes. */
export function qrBlocksSize(matrix: QrMatrix, quiet = QR_SCREEN_QUIET): { columns: number; rows: number } {
  const modules = matrix.size + 2 * quiet;
  return { columns: modules, rows: Math.ceil(modules / 2) };
}

/** The drawing, one string per text row. Below the last module row a half row stays empty. */
export function qrBlocks(matrix: QrMatrix, quiet = QR_SCREEN_QUIET): string[] {
  const modules = matrix.size + 2 * quiet;
  const light = (x: number, y: number): boolean => {
    if (y >= modules) return false;
    const row = matrix.rows[y - quiet];
    if (row === undefined) return true;
    const dark = row[x - quiet];
    return dark === undefined ? true : !dark;
  };
  const lines: string[] = [];
  for (let y = 0; y < modules; y += 2) {
    let line = "";
    for (let x = 0; x < modules; x++) {
      const top = light(x, y);
      const bottom = light(x, y + 1);
      line += top && bottom ? "█" : top ? "▀" : bottom ? "▄" : " ";
    }
    lines.push(line);
  }
  return lines;
}
