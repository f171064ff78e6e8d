/**
 * The customer (pole) display: two lines of 20 characters facing the customer. Writes never
 * throw: a display that is unplugged reports it in the result and picks up again when it is
 * back (the next `show` re-initialises it).
 */

import type { CodePageName } from "../escpos/code-pages.ts";
import {
  canPrintExactly,
  type EncoderState,
  encodeText,
  pageOrder,
  preferredCodePage,
} from "../escpos/text-encoding.ts";
import type { SerialLine } from "../io/serial-line.ts";
import type { DisplayEmulator, DisplayProtocol } from "./display-emulator.ts";
import { DISPLAY_COLUMNS, type DisplayLines } from "./display-text.ts";

export type DisplayResult = { ok: true } | { ok: false; detail: string };

export interface CustomerDisplay {
  readonly description: string;
  readonly columns: number;
  show(lines: DisplayLines): Promise<DisplayResult>;
  clear(): Promise<DisplayResult>;
  close(): Promise<void>;
}

/** The bytes that put two lines on a display speaking `protocol`. */
export function displayBytes(
  lines: DisplayLines,
  protocol: DisplayProtocol,
  state: EncoderState,
  pages: readonly CodePageName[],
  initialise: boolean,
): Uint8Array {
  const out: number[] = [];
  const pad = (text: string): string => {
    const chars = [...text.normalize("NFC")].slice(0, DISPLAY_COLUMNS);
    return chars.join("") + " ".repeat(DISPLAY_COLUMNS - chars.length);
  };
  if (initialise) {
    out.push(0x1b, 0x40);
    state.page = undefined;
    if (protocol === "epson") out.push(0x1f, 0x01);
  }
  lines.forEach((line, row) => {
    if (protocol === "epson") {
      out.push(0x1f, 0x24, 1, row + 1, ...encodeText(pad(line), state, pages));
      return;
    }
    // CD5220 takes a line as ESC Q A|B text CR: the code page is chosen before, once per line.
    const page = pages.find((candidate) => canPrintExactly(line, [candidate])) ?? pages[0];
    const linePages = page === undefined ? pages : [page];
    const text = encodeText(pad(line), { page: state.page }, linePages);
    const switches = text[0] === 0x1b && text[1] === 0x74 ? 3 : 0;
    if (switches > 0) {
      out.push(...text.slice(0, switches));
      state.page = page;
    }
    out.push(0x1b, 0x51, row === 0 ? 0x41 : 0x42, ...text.slice(switches), 0x0d);
  });
  return Uint8Array.from(out);
}

interface Sink {
  write(bytes: Uint8Array): Promise<void>;
  /** Bumps whenever the device was (re)connected and needs initialising. */
  generation(): number;
  close(): Promise<void>;
}

export class PoleDisplay implements CustomerDisplay {
  readonly columns = DISPLAY_COLUMNS;
  private readonly state: EncoderState = { page: undefined };
  private readonly pages: CodePageName[];
  private initialisedFor = -1;

  constructor(
    readonly description: string,
    private readonly sink: Sink,
    private readonly protocol: DisplayProtocol,
    locale: string,
    codePages?: readonly CodePageName[],
  ) {
    this.pages = pageOrder(preferredCodePage(locale), codePages);
  }

  async show(lines: DisplayLines): Promise<DisplayResult> {
    const generation = this.sink.generation();
    const initialise = generation !== this.initialisedFor;
    try {
      await this.sink.write(displayBytes(lines, this.protocol, this.state, this.pages, initialise));
      this.initialisedFor = generation;
      return { ok: true };
    } catch (error) {
      this.initialisedFor = -1;
      return { ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
  }

  clear(): Promise<DisplayResult> {
    return this.show(["", ""]);
  }

  close(): Promise<void> {
    return this.sink.close();
  }
}

export function serialDisplaySink(line: SerialLine): Sink {
  line.start();
  return {
    async write(bytes) {
      if (line.state !== "connected") await line.waitConnected(1000);
      await line.write(bytes);
    },
    generation: () => line.connections,
    close: () => line.close(),
  };
}

/** A display in memory, showing what a real one would from the same bytes. */
export class SimulatedDisplay extends PoleDisplay {
  constructor(
    readonly emulator: DisplayEmulator,
    locale: string,
  ) {
    super(
      "simulated customer display",
      { write: async (bytes) => emulator.receive(bytes), generation: () => 1, close: async () => undefined },
      emulator.protocol,
      locale,
    );
  }

  screen(): string[] {
    return this.emulator.screen();
  }
}
