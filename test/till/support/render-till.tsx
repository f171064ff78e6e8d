/**
 * Renders the whole till with ink-testing-library over FakeServices, at 80×24 unless told,
 * and drives it like a cashier: keys are written to stdin as a terminal sends them.
 */
import { setDefaultTimeout } from "bun:test";
import { render } from "ink-testing-library";
import { TillController } from "../../../src/till/app/controller.ts";
import type { TillDevices } from "../../../src/till/app/effects.ts";
import type { TillLanguage } from "../../../src/till/i18n/index.ts";
import { buildKeymap, type Keymap } from "../../../src/till/keys/index.ts";
import { TillApp } from "../../../src/till/ui/app.tsx";
import { FakeServices } from "./fake-services.ts";

// Screens wait on each other with deadlines of their own; a whole test may take a while on a busy machine.
setDefaultTimeout(30_000);

/** What a terminal sends for each key (xterm). */
export const KEYS = {
  f1: "\u001bOP",
  f2: "\u001bOQ",
  f3: "\u001bOR",
  f4: "\u001bOS",
  f5: "\u001b[15~",
  f6: "\u001b[17~",
  f7: "\u001b[18~",
  f8: "\u001b[19~",
  f9: "\u001b[20~",
  f10: "\u001b[21~",
  f11: "\u001b[23~",
  f12: "\u001b[24~",
  enter: "\r",
  escape: "\u001b",
  up: "\u001b[A",
  down: "\u001b[B",
  backspace: "\u007f",
  ctrlC: "\u0003",
  ctrlK: "\u000b",
  ctrlR: "\u0012",
  tab: "\t",
} as const;

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes are what we strip
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

export function plain(frame: string | undefined): string {
  return (frame ?? "").replace(ANSI, "");
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export interface RenderOptions {
  services?: FakeServices;
  lang?: TillLanguage;
  size?: { columns: number; rows: number };
  keymap?: Keymap;
  devices?: TillDevices;
  idleLockMs?: number;
  /** The till's clock (default: CLOCK, fixed). */
  now?: () => Date;
}

export const CLOCK = new Date("2026-11-23T14:05:00Z");

export async function renderTill(options: RenderOptions = {}) {
  const services = options.services ?? new FakeServices();
  let quit = false;
  const controller = new TillController({
    services,
    keymap: options.keymap ?? buildKeymap(),
    lang: options.lang ?? "en",
    devices: options.devices ?? {},
    idleLockMs: options.idleLockMs ?? 0,
    onQuit: () => {
      quit = true;
    },
  });
  const size = options.size ?? { columns: 80, rows: 24 };
  const ui = render(<TillApp controller={controller} size={size} now={options.now ?? (() => CLOCK)} />);
  const frame = () => plain(ui.lastFrame());
  await waitFor(() => frame().length > 0, "the first frame");
  const till = {
    ui,
    controller,
    services,
    size,
    frame,
    quitRequested: () => quit,
    /** Writes raw bytes as the terminal would send them. */
    write(data: string) {
      ui.stdin.write(data);
    },
    press(key: keyof typeof KEYS) {
      ui.stdin.write(KEYS[key]);
    },
    /** Types text and Enter in one chunk, as a scanner does. */
    scan(text: string) {
      ui.stdin.write(`${text}\r`);
    },
    async see(text: string | RegExp, timeoutMs = 5000) {
      await waitFor(
        () => (typeof text === "string" ? frame().includes(text) : text.test(frame())),
        `"${text}" on screen; last frame:\n${frame()}`,
        timeoutMs,
      );
    },
    async login(pin = "1234") {
      till.scan(pin);
      await waitFor(
        () => controller.state.screen.kind === "sale" && !controller.state.busy,
        "the sale screen",
      );
    },
    cleanup() {
      ui.unmount();
      ui.cleanup();
      controller.dispose();
    },
  };
  return till;
}

export type Till = Awaited<ReturnType<typeof renderTill>>;

/** Every row fits the screen: no line wider than the columns, no more rows than the screen. */
export function fitsScreen(frame: string, size: { columns: number; rows: number }): string | null {
  const lines = frame.split("\n");
  if (lines.length > size.rows) return `${lines.length} rows, more than ${size.rows}`;
  const wide = lines.find((line) => [...line].length > size.columns);
  return wide === undefined ? null : `a row is ${[...wide].length} wide: "${wide}"`;
}
