/**
 * Chooses the code page of each character for an ESC/POS device: each character goes out in the
 * active page, switching pages (ESC t n) when another page the device has holds it, and falling
 * back to a look-alike when none does. Control characters never reach the device, so a product
 * name cannot smuggle commands into a receipt. The bytes themselves come from the page's table
 * (node-thermal-printer for printers, iconv-lite for displays).
 *
 * Azerbaijani ə/Ə has no page of its own: on a device with KZ1048 it prints as that page's
 * Cyrillic schwa ә/Ә (the same letter shape); elsewhere as ä/Ä from PC857, the letter the
 * 1991–1992 Azerbaijani Latin alphabet used for the same sound.
 */
import { receiptLanguage } from "../../core/receipt-labels.ts";
import {
  type CodePageName,
  DEFAULT_CODE_PAGES,
  encodeInPage,
  pageEncoder,
  selectPageCommand,
} from "./code-pages.ts";

/** Characters printed as another letter of the same shape, when a page has it. */
const SAME_SHAPE: Record<string, string> = { ə: "ә", Ə: "Ә" };

const FALLBACKS: Record<string, string> = {
  ə: "ä",
  Ə: "Ä",
  "\u00a0": " ",
  "\u202f": " ",
  "\u2007": " ",
  "\u2009": " ",
  "\u2018": "'",
  "\u2019": "'",
  "\u201c": '"',
  "\u201d": '"',
  "«": '"',
  "»": '"',
  "\u2013": "-",
  "\u2014": "-",
  "\u2212": "-",
  "\u2026": ".",
  "№": "N",
  "€": "E",
};

/** The page a language reads best in: Cyrillic for Russian, Turkish for Azerbaijani, Latin-1 for French. */
export function preferredCodePage(locale: string): CodePageName {
  switch (receiptLanguage(locale)) {
    case "ru":
      return "pc866";
    case "az":
      return "pc857";
    case "fr":
      return "pc858";
    default:
      return "pc437";
  }
}

/** Allowed pages with the preferred one first. */
export function pageOrder(
  preferred: CodePageName,
  allowed: readonly CodePageName[] = DEFAULT_CODE_PAGES,
): CodePageName[] {
  const rest = allowed.filter((page) => page !== preferred);
  return allowed.includes(preferred) ? [preferred, ...rest] : rest;
}

export interface EncoderState {
  /** The page the device has selected now, or undefined before the first ESC t. */
  page: CodePageName | undefined;
}

export function selectPage(page: CodePageName): number[] {
  return [...selectPageCommand(page)];
}

function findPage(
  char: string,
  state: EncoderState,
  pages: readonly CodePageName[],
): CodePageName | undefined {
  if (state.page !== undefined && pages.includes(state.page) && pageEncoder(state.page).has(char))
    return state.page;
  return pages.find((page) => pageEncoder(page).has(char));
}

function lookAlikes(char: string): string[] {
  const candidates = [SAME_SHAPE[char], FALLBACKS[char]];
  const base = char.normalize("NFD").replace(/\p{M}+/gu, "");
  if (base.length > 0 && base !== char) candidates.push(base);
  return candidates.filter(
    (candidate): candidate is string => candidate !== undefined && [...candidate].length === 1,
  );
}

/** A stretch of text printed in one page; `select` says the page is selected (ESC t n) before it. */
export interface TextRun {
  page: CodePageName | undefined;
  select: boolean;
  text: string;
}

/**
 * `text` cut into runs of one page each, choosing among `pages` (first = preferred). Updates
 * `state.page`. Every character becomes exactly one printed character, so column layouts stay
 * aligned; one that no page has, nor a look-alike of it, prints as "?".
 */
export function textRuns(text: string, state: EncoderState, pages: readonly CodePageName[]): TextRun[] {
  const runs: TextRun[] = [];
  let run: TextRun = { page: state.page, select: false, text: "" };
  const emit = (char: string): boolean => {
    const code = char.codePointAt(0) ?? 0x3f;
    if (code < 0x80) {
      run.text += code < 0x20 || code === 0x7f ? " " : char;
      return true;
    }
    const page = findPage(char, state, pages);
    if (page === undefined) return false;
    if (page !== state.page) {
      if (run.text !== "" || run.select) runs.push(run);
      run = { page, select: true, text: "" };
      state.page = page;
    }
    run.text += char;
    return true;
  };
  for (const char of text.normalize("NFC")) {
    if (emit(char)) continue;
    if (lookAlikes(char).some(emit)) continue;
    emit("?");
  }
  if (run.text !== "" || run.select) runs.push(run);
  return runs;
}

/** Bytes for `text`, switching among `pages` (first = preferred) as needed. Updates `state.page`. */
export function encodeText(text: string, state: EncoderState, pages: readonly CodePageName[]): number[] {
  const out: number[] = [];
  for (const run of textRuns(text, state, pages)) {
    if (run.select && run.page !== undefined) out.push(...selectPageCommand(run.page));
    out.push(...encodeInPage(run.text, run.page ?? "pc437"));
  }
  return out;
}

/** True when every character of `text` prints as itself in one of `pages` (no look-alike, no "?"). */
export function canPrintExactly(text: string, pages: readonly CodePageName[]): boolean {
  for (const char of text.normalize("NFC")) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) continue;
    if (FALLBACKS[char] === " ") continue;
    if (!pages.some((page) => pageEncoder(page).has(char))) return false;
  }
  return true;
}
