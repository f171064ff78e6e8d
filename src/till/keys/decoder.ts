/**
 * Turns raw terminal input into key events. Function keys come in several dialects: xterm
 * (`ESC O P` … `ESC O S`, `ESC [ 15 ~` … `ESC [ 24 ~`), the Linux console (`ESC [ [ A` …
 * `ESC [ [ E` for F1–F5) and rxvt (`ESC [ 11 ~` …); modifiers (`ESC [ 15 ; 2 ~`) are ignored.
 * A barcode scanner in keyboard mode types a whole code and Enter in one chunk (`3*4011\r`):
 * it becomes a text event and an Enter event, in order. A sequence split across chunks is
 * kept until the rest arrives; `flush()` gives up on it (the caller's short timer) and
 * reports a lone Escape.
 */
import type { KeyEvent, KeyName } from "./key-names.ts";

const ESC = "\u001b";

const SS3_FINALS: Record<string, KeyName> = {
  P: "f1",
  Q: "f2",
  R: "f3",
  S: "f4",
  A: "up",
  B: "down",
  C: "right",
  D: "left",
  H: "home",
  F: "end",
  M: "enter",
};

/** `ESC [ <letter>` (and `ESC [ 1 ; mod <letter>`). */
const CSI_FINALS: Record<string, KeyName> = {
  A: "up",
  B: "down",
  C: "right",
  D: "left",
  H: "home",
  F: "end",
  P: "f1",
  Q: "f2",
  R: "f3",
  S: "f4",
};

/** `ESC [ [ <letter>`: the Linux console's F1–F5. */
const LINUX_CONSOLE_FINALS: Record<string, KeyName> = { A: "f1", B: "f2", C: "f3", D: "f4", E: "f5" };

/** `ESC [ <n> ~`. */
const TILDE_CODES: Record<string, KeyName> = {
  "1": "home",
  "2": "insert",
  "3": "delete",
  "4": "end",
  "5": "pageup",
  "6": "pagedown",
  "7": "home",
  "8": "end",
  "11": "f1",
  "12": "f2",
  "13": "f3",
  "14": "f4",
  "15": "f5",
  "17": "f6",
  "18": "f7",
  "19": "f8",
  "20": "f9",
  "21": "f10",
  "23": "f11",
  "24": "f12",
};

type Parsed = { consumed: number; key: KeyName | null } | "pending";

/** Parses the escape sequence at the start of `input` (which begins with ESC). */
function parseEscape(input: string): Parsed {
  const second = input[1];
  if (second === undefined) return "pending";
  if (second === "O") {
    const final = input[2];
    if (final === undefined) return "pending";
    return { consumed: 3, key: SS3_FINALS[final] ?? null };
  }
  if (second !== "[") {
    // ESC followed by something else: Alt+key, or Escape typed just before the text.
    return { consumed: 1, key: "escape" };
  }
  if (input[2] === "[") {
    const final = input[3];
    if (final === undefined) return "pending";
    return { consumed: 4, key: LINUX_CONSOLE_FINALS[final] ?? null };
  }
  let index = 2;
  while (index < input.length) {
    const code = input.charCodeAt(index);
    if (code >= 0x40 && code <= 0x7e) {
      const params = input.slice(2, index);
      const final = input[index] ?? "";
      const consumed = index + 1;
      if (final === "~") {
        const first = params.split(";")[0] ?? "";
        return { consumed, key: TILDE_CODES[first] ?? null };
      }
      return { consumed, key: CSI_FINALS[final] ?? null };
    }
    if (code < 0x20 || code > 0x3f) {
      // Not a control sequence after all: report the Escape and read on.
      return { consumed: 1, key: "escape" };
    }
    index++;
  }
  return "pending";
}

function controlKey(char: string): KeyName | null {
  const code = char.charCodeAt(0);
  if (char === "\r" || char === "\n") return "enter";
  if (code === 0x7f || code === 0x08) return "backspace";
  if (char === "\t") return "tab";
  if (code >= 1 && code <= 26) return `ctrl+${String.fromCharCode(code + 96)}`;
  return null;
}

export class KeyDecoder {
  private pending = "";

  /** Decodes a chunk; an incomplete escape sequence at its end waits for the next chunk. */
  push(chunk: string): KeyEvent[] {
    if (this.pending === "" && chunk === ESC) return [{ kind: "key", name: "escape" }];
    const input = this.pending + chunk;
    this.pending = "";
    const events: KeyEvent[] = [];
    let text = "";
    const flushText = () => {
      if (text !== "") events.push({ kind: "text", text });
      text = "";
    };
    let index = 0;
    while (index < input.length) {
      const char = input[index] ?? "";
      if (char === ESC) {
        const parsed = parseEscape(input.slice(index));
        if (parsed === "pending") {
          flushText();
          this.pending = input.slice(index);
          return events;
        }
        flushText();
        if (parsed.key !== null) events.push({ kind: "key", name: parsed.key });
        index += parsed.consumed;
        continue;
      }
      const control = char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f ? controlKey(char) : null;
      if (control !== null) {
        flushText();
        events.push({ kind: "key", name: control });
        // A scanner or terminal may end a line with CR LF: one Enter.
        if (char === "\r" && input[index + 1] === "\n") index++;
        index++;
        continue;
      }
      if (char.charCodeAt(0) >= 0x20) text += char;
      index++;
    }
    flushText();
    return events;
  }

  /** True while part of an escape sequence waits for the rest. */
  hasPending(): boolean {
    return this.pending !== "";
  }

  /** Gives up waiting: the lone Escape was a key of its own; what followed it is decoded. */
  flush(): KeyEvent[] {
    if (this.pending === "") return [];
    const rest = this.pending.slice(1);
    this.pending = "";
    const events: KeyEvent[] = [{ kind: "key", name: "escape" }];
    if (rest !== "") {
      for (const event of this.push(rest)) events.push(event);
      if (this.pending !== "") events.push(...this.flush());
    }
    return events;
  }
}
