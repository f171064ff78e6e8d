/**
 * Check digits of card numbers: Luhn (payment-card style, any length) and EAN-13 (a barcode any
 * scanner reads). Pure.
 */

/** The Luhn check digit of a string of digits. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function isLuhnValid(number: string): boolean {
  return /^\d{2,}$/.test(number) && luhnCheckDigit(number.slice(0, -1)) === Number(number.at(-1));
}

/** The EAN-13 check digit of 12 digits. */
export function ean13CheckDigit(twelve: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(twelve[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function isEan13Valid(number: string): boolean {
  return /^\d{13}$/.test(number) && ean13CheckDigit(number.slice(0, 12)) === Number(number[12]);
}

/** The `seq`-th number with this prefix: `length` digits (13 for EAN-13) ending in the check digit. */
export function cardNumberAt(prefix: string, seq: number, check: "luhn" | "ean13", length: number): string {
  const total = check === "ean13" ? 13 : length;
  const body = `${prefix}${String(seq).padStart(total - 1 - prefix.length, "0")}`;
  if (body.length !== total - 1) throw new RangeError(`sequence ${seq} does not fit after prefix ${prefix}`);
  return body + String(check === "ean13" ? ean13CheckDigit(body) : luhnCheckDigit(body));
}

/** How many numbers a prefix leaves room for. */
export function capacityOf(prefix: string, check: "luhn" | "ean13", length: number): number {
  const total = check === "ean13" ? 13 : length;
  return 10 ** Math.max(0, total - 1 - prefix.length);
}
