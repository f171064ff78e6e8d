/**
 * GS1 element strings (GS1-128, GS1 DataMatrix) as a scanner delivers them: the application
 * identifiers a till needs to sell from a pharmacy or electronics label — 01 (GTIN), 10
 * (batch/lot), 17 (expiry), 21 (serial), 310n (net weight in kg, n decimals).
 *
 * Accepted forms:
 * - raw, as a scanner sends it: optional symbology identifier (`]C1` GS1-128, `]d2` GS1
 *   DataMatrix, `]Q3` GS1 QR, `]e0` GS1 DataBar), variable-length fields ended by the
 *   group separator (GS, `\x1d`, the transmitted FNC1) or by the end of the data;
 * - human-readable, parenthesised: `(01)09506000134352(17)201225(10)ABC123`.
 *
 * Formats follow the GS1 General Specifications' AI table: 01 is N14 with a GS1 check digit,
 * 17 is N6 YYMMDD (day 00 means the last day of the month; the century is chosen by the
 * sliding window of section 7.12: −49…+50 years from the reference year), 10 and 21 are
 * X..20 of the GS1 AI encodable character set 82, 310n is N6.
 */
import { gs1CheckDigit } from "./barcode.ts";
import { featureErrors } from "./errors.ts";

export const Gs1Error = featureErrors({
  GS1_EMPTY: "invalid",
  GS1_UNKNOWN_AI: "invalid",
  GS1_BAD_LENGTH: "invalid",
  GS1_BAD_CHARACTER: "invalid",
  GS1_BAD_CHECK_DIGIT: "invalid",
  GS1_BAD_DATE: "invalid",
  GS1_DUPLICATE_AI: "invalid",
  GS1_NO_GTIN: "invalid",
});

/** What the label says, by AI. Absent fields were not on the label. */
export interface Gs1Element {
  /** AI 01: the GTIN-14, check digit verified. */
  gtin?: string;
  /** AI 10: batch or lot number. */
  lot?: string;
  /** AI 17: expiry date as `YYYY-MM-DD` (day 00 resolved to the month's last day). */
  expiry?: string;
  /** AI 21: serial number. */
  serial?: string;
  /** AI 310n: net weight in grams (thousandths of a kg), rounded to the gram. */
  netWeightMilli?: number;
}

interface AiFormat {
  /** Fixed data length, or `max` for variable length (ended by GS or the end). */
  fixed?: number;
  max?: number;
  numeric: boolean;
  field: keyof Gs1Element;
}

function formatOf(ai: string): AiFormat | undefined {
  if (ai === "01") return { fixed: 14, numeric: true, field: "gtin" };
  if (ai === "10") return { max: 20, numeric: false, field: "lot" };
  if (ai === "17") return { fixed: 6, numeric: true, field: "expiry" };
  if (ai === "21") return { max: 20, numeric: false, field: "serial" };
  if (/^310[0-5]$/.test(ai)) return { fixed: 6, numeric: true, field: "netWeightMilli" };
  return undefined;
}

/** The AIs this parser reads, by length of the AI itself (2 or 4 digits). */
function aiAt(data: string, at: number): string {
  const two = data.slice(at, at + 2);
  if (two === "31") return data.slice(at, at + 4);
  return two;
}

const GS = "\x1d";
const SYMBOLOGY = /^\](C1|d2|Q3|e0)/;
/** GS1 AI encodable character set 82. */
const CSET82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/;

/** True when a scan looks like a GS1 element string rather than a plain barcode or code. */
export function looksLikeGs1(input: string): boolean {
  if (SYMBOLOGY.test(input) || input.includes(GS)) return true;
  return /^\((01|10|17|21|310[0-5])\)/.test(input);
}

/** Parses a GS1 element string; throws `Gs1Error` with a precise code and message. */
export function parseGs1(input: string, referenceYear: number): Gs1Element {
  const pairs = input.startsWith("(") ? splitParenthesised(input) : splitRaw(input.replace(SYMBOLOGY, ""));
  if (pairs.length === 0) throw new Gs1Error("GS1_EMPTY", "The GS1 code carries no data.");
  const out: Gs1Element = {};
  for (const [ai, value] of pairs) {
    const format = formatOf(ai);
    if (format === undefined) throw unknownAi(ai);
    checkValue(ai, value, format);
    if (out[format.field] !== undefined) {
      throw new Gs1Error("GS1_DUPLICATE_AI", `AI (${ai}) occurs twice in the GS1 code.`, { ai });
    }
    setField(out, ai, format.field, value, referenceYear);
  }
  return out;
}

function unknownAi(ai: string): InstanceType<typeof Gs1Error> {
  return new Gs1Error("GS1_UNKNOWN_AI", `AI (${ai}) is not one the till reads (01, 10, 17, 21, 3100–3105).`, {
    ai,
  });
}

function splitParenthesised(input: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  const re = /\((\d{2,4})\)([^(]*)/gy;
  let match: RegExpExecArray | null = re.exec(input);
  let end = 0;
  while (match !== null) {
    pairs.push([match[1] as string, match[2] as string]);
    end = re.lastIndex;
    match = re.exec(input);
  }
  if (end !== input.length) {
    throw new Gs1Error(
      "GS1_BAD_CHARACTER",
      `The GS1 code is not of the form (AI)value…: unexpected text at position ${end + 1}.`,
      { position: end + 1 },
    );
  }
  return pairs;
}

function splitRaw(data: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  let at = 0;
  while (at < data.length) {
    if (data[at] === GS) {
      at += 1;
      continue;
    }
    const ai = aiAt(data, at);
    if (!/^\d+$/.test(ai) || ai.length < 2) throw unknownAi(ai);
    const format = formatOf(ai);
    if (format === undefined) throw unknownAi(ai);
    const start = at + ai.length;
    if (format.fixed !== undefined) {
      const value = data.slice(start, start + format.fixed);
      pairs.push([ai, value]);
      at = start + format.fixed;
    } else {
      const gs = data.indexOf(GS, start);
      const stop = gs === -1 ? data.length : gs;
      pairs.push([ai, data.slice(start, stop)]);
      at = stop;
    }
  }
  return pairs;
}

function checkValue(ai: string, value: string, format: AiFormat): void {
  const badLength =
    format.fixed !== undefined
      ? value.length !== format.fixed
      : value.length === 0 || value.length > (format.max ?? 0);
  if (badLength) {
    const want = format.fixed !== undefined ? `${format.fixed}` : `1 to ${format.max}`;
    throw new Gs1Error(
      "GS1_BAD_LENGTH",
      `AI (${ai}) needs ${want} characters; the code has ${value.length}.`,
      { ai, length: value.length },
    );
  }
  const ok = format.numeric ? /^\d+$/.test(value) : CSET82.test(value);
  if (!ok) {
    const kind = format.numeric ? "digits only" : "letters, digits and GS1 punctuation only";
    throw new Gs1Error("GS1_BAD_CHARACTER", `AI (${ai}) takes ${kind}.`, { ai });
  }
}

function setField(out: Gs1Element, ai: string, field: keyof Gs1Element, value: string, year: number): void {
  if (field === "gtin") {
    const check = gs1CheckDigit(value.slice(0, 13));
    if (check !== Number(value[13])) {
      throw new Gs1Error(
        "GS1_BAD_CHECK_DIGIT",
        `The GTIN ${value} in AI (01) has a wrong check digit (expected ${check}).`,
        { ai, expected: check },
      );
    }
    out.gtin = value;
  } else if (field === "expiry") {
    out.expiry = gs1Date(ai, value, year);
  } else if (field === "netWeightMilli") {
    const decimals = Number(ai[3]);
    out.netWeightMilli = Math.round((Number(value) * 1000) / 10 ** decimals);
  } else {
    out[field] = value;
  }
}

/** YYMMDD → `YYYY-MM-DD` with the GS1 century window; day 00 = last day of the month. */
export function gs1Date(ai: string, yymmdd: string, referenceYear: number): string {
  const yy = Number(yymmdd.slice(0, 2));
  const mm = Number(yymmdd.slice(2, 4));
  const dd = Number(yymmdd.slice(4, 6));
  if (mm < 1 || mm > 12) throw badDate(ai, yymmdd);
  const refCentury = referenceYear - (referenceYear % 100);
  const diff = yy - (referenceYear % 100);
  let year = refCentury + yy;
  if (diff >= 51) year -= 100;
  else if (diff <= -50) year += 100;
  const lastDay = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  const day = dd === 0 ? lastDay : dd;
  if (day > lastDay) throw badDate(ai, yymmdd);
  return `${String(year).padStart(4, "0")}-${String(mm).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function badDate(ai: string, value: string): InstanceType<typeof Gs1Error> {
  return new Gs1Error("GS1_BAD_DATE", `AI (${ai}) holds ${value}, which is not a date (YYMMDD).`, { ai });
}

/** Parses a scan that must name a product: its GTIN (AI 01) is required. */
export function parseGs1Product(input: string, referenceYear: number): Gs1Element & { gtin: string } {
  const element = parseGs1(input, referenceYear);
  if (element.gtin === undefined) {
    throw new Gs1Error("GS1_NO_GTIN", "The GS1 code names no product: it has no GTIN (AI 01).");
  }
  return { ...element, gtin: element.gtin };
}

/** A serial number as AI 21 carries it: 1 to 20 characters of the GS1 character set 82. */
export function isSerial(text: string): boolean {
  return text.length >= 1 && text.length <= 20 && CSET82.test(text);
}
