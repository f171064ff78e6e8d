/**
 * A sale's prize-draw code: derived from the sale's id, so the till prints it offline and the
 * store records the same one (and refuses another); 10 characters of an alphabet without look-alikes
 * (no 0/O, 1/I/L), as `XXXXX-XXXXX`.
 */
import { sha256Hex } from "../sha256.ts";

const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

export function prizeCodeOf(saleId: string): string {
  const hex = sha256Hex(`prize-draw:${saleId}`);
  let out = "";
  for (let i = 0; i < 10; i++) {
    const byte = Number.parseInt(hex.slice(i * 4, i * 4 + 4), 16);
    out += ALPHABET[byte % ALPHABET.length];
  }
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/** Whether a receipt text asks for the prize-draw code. */
export function wantsPrizeCode(text: string): boolean {
  return text.includes("{prizeCode}");
}
