/**
 * The running till: holds the state, turns keys into named commands through the keymap, runs
 * the reducer and then its effects, locks the till after a while without use, and tells the
 * screen when to draw again.
 */
import { uuidv7 } from "../../core/ids.ts";
import { createTranslator, type TillLanguage, type Translator } from "../i18n/index.ts";
import type { KeyEvent } from "../keys/key-names.ts";
import type { Keymap } from "../keys/keymap.ts";
import { COLLECT_AFTER_MS, GarbagePolicy } from "../runtime/index.ts";
import type { TillServices } from "../services.ts";
import { initialState } from "../state/initial.ts";
import { reduce } from "../state/reducer.ts";
import type { Command, TillEnv, TillState } from "../state/types.ts";
import { type EffectContext, runEffect, type TillDevices } from "./effects.ts";

/**
 * Where a scan must not be typed (a menu, a yes/no question), text waits this long for more: a
 * scanner's burst arrives in one read or several a few milliseconds apart and ends in Enter,
 * which no hand types this fast. Text with Enter inside the wait is a scan, refused there.
 */
export const SCAN_BURST_MS = 30;
/**
 * Keys that only type into the input line are drawn once the keys pause this long: a scanner's
 * burst read key by key (its keys a few milliseconds apart) is then drawn only with its Enter,
 * instead of once or twice on the way (React and the layout of the whole screen each time, a
 * millisecond or more on a kiosk's slice of a core, which its Enter would then wait for). No
 * hand types this fast, and a person sees no difference.
 */
export const TYPED_QUIET_MS = 20;
/** Keys typed on and on are still drawn at least this often. */
export const TYPED_FRAME_MAX_MS = 50;

/** A menu or a yes/no question: a scanned code must not choose an entry or answer. */
function scanGuarded(state: TillState): boolean {
  if (state.help) return false;
  return (
    (state.prompt === null && state.screen.kind === "menu") ||
    state.prompt?.kind === "confirm" ||
    state.prompt?.kind === "age"
  );
}

export interface TillControllerOptions {
  services: TillServices;
  devices?: TillDevices;
  keymap: Keymap;
  lang: TillLanguage;
  /** Lock the till after this long without a key while logged in; 0 never. */
  idleLockMs?: number;
  onQuit?: () => void;
  /** Receipt width on screen when no printer is configured. */
  receiptColumns?: number;
  /** When garbage is collected (the runtime's, by the default policy). */
  garbage?: GarbagePolicy;
}

export class TillController {
  private current: TillState;
  private readonly listeners = new Set<() => void>();
  private shownAtOnce: (() => void) | undefined;
  private readonly effects: EffectContext;
  private readonly garbage: GarbagePolicy;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private collectTimer: ReturnType<typeof setTimeout> | undefined;
  private translatorCache:
    | { currency: string; locale: string; timeZone: string; translator: Translator }
    | undefined;
  private disposed = false;
  /** Enter pressed while a request was on its way: carried out once it is answered. */
  private pendingSubmit = false;
  /** Codes a serial scanner read while a request was on its way: rung once it is answered. */
  private readonly pendingScans: string[] = [];
  /** Text read in a menu or question, waiting a moment to tell a keypress from a scan. */
  private heldText: string | null = null;
  private heldTimer: ReturnType<typeof setTimeout> | undefined;
  /** Typed keys not drawn yet: the screen is told when this fires, or sooner by another change. */
  private typedFrameTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the first typed key not yet drawn came (performance.now()). */
  private typedSince: number | undefined;
  private online: boolean;
  private readonly unsubscribeLink: () => void;

  constructor(private readonly options: TillControllerOptions) {
    this.current = initialState(uuidv7());
    this.garbage = options.garbage ?? new GarbagePolicy();
    this.effects = {
      services: options.services,
      devices: options.devices ?? {},
      translator: () => this.translator(),
      state: () => this.current,
      dispatch: (command) => this.dispatch(command),
      quit: () => options.onQuit?.(),
      receiptColumns: options.receiptColumns ?? 42,
    };
    this.watchPrinter();
    this.watchScanners();
    this.online = options.services.status().online;
    this.unsubscribeLink = options.services.subscribe(() => this.linkChanged());
  }

  /**
   * Says on the status line when the store goes away or comes back (selling goes on either way);
   * back, the till asks it again whether a shift is open.
   */
  private linkChanged(): void {
    const online = this.options.services.status().online;
    if (online === this.online) return;
    this.online = online;
    if (this.current.cashier === null) return;
    if (online) this.dispatch({ type: "link.online" });
    else this.dispatch({ type: "status.info", message: { key: "info.offline" } });
  }

  /** Devices opened after the first frame (their drivers take a moment to load). */
  attachDevices(devices: TillDevices): void {
    this.effects.devices = devices;
    this.watchPrinter();
    this.watchScanners();
  }

  /** Codes from serial scanners, rung as scans; one read while the till is busy waits its turn. */
  private watchScanners(): void {
    for (const scanner of this.effects.devices.scanners ?? []) {
      scanner.onScan((code) => {
        this.restartIdleTimer();
        this.pendingScans.push(code);
        this.ringPendingScans();
      });
    }
  }

  private ringPendingScans(): void {
    while (!this.disposed && !this.current.busy && this.pendingScans.length > 0) {
      const code = this.pendingScans.shift() ?? "";
      this.dispatch({ type: "input.scanned", text: code });
      this.shownAtOnce?.();
    }
  }

  private watchPrinter(): void {
    this.effects.devices.printer?.onEvent((event) => {
      if (event.type === "problem") {
        this.dispatch({
          type: "status.error",
          message: { key: "error.printer", params: { detail: event.message } },
        });
      }
    });
  }

  get services(): TillServices {
    return this.options.services;
  }

  get keymap(): Keymap {
    return this.options.keymap;
  }

  get state(): TillState {
    return this.current;
  }

  /**
   * The translator for the till's language and the store's current currency, locale and time
   * zone (the clock and times on screen are the store's, as on its receipts).
   */
  translator(): Translator {
    const settings = this.options.services.settings();
    const cached = this.translatorCache;
    if (
      cached &&
      cached.currency === settings.currency &&
      cached.locale === settings.locale &&
      cached.timeZone === settings.timeZone
    )
      return cached.translator;
    const translator = createTranslator({
      lang: this.options.lang,
      currency: settings.currency,
      storeLocale: settings.locale,
      keymap: this.options.keymap,
      timeZone: settings.timeZone,
    });
    this.translatorCache = {
      currency: settings.currency,
      locale: settings.locale,
      timeZone: settings.timeZone,
      translator,
    };
    return translator;
  }

  /**
   * Called after a key that did more than type into the input line (a scan's Enter, a payment,
   * a void): the screen draws it at once instead of waiting out the frame-rate cap, which is
   * there to merge the frames of keys typed in a burst.
   */
  showAtOnce(listener: () => void): void {
    this.shownAtOnce = listener;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private env(): TillEnv {
    return {
      settings: this.options.services.settings(),
      newId: uuidv7,
      now: () => new Date().toISOString(),
      hasScale: this.effects.devices.scale !== undefined,
      hasCardTerminal: this.effects.devices.payment !== undefined,
      hasSecondCardTerminal: this.effects.devices.payment2 !== undefined,
      ...this.promotionsEnv(),
      ...this.customTendersEnv(),
    };
  }

  private promotionsEnv(): Pick<TillEnv, "promotions"> {
    const promotions = this.options.services.promotions?.();
    return promotions === undefined ? {} : { promotions };
  }

  private customTendersEnv(): Pick<TillEnv, "customTenders"> {
    const customTenders = this.options.services.customTenders?.();
    return customTenders === undefined ? {} : { customTenders };
  }

  dispatch(command: Command): void {
    this.apply(command, "now");
  }

  /** Runs `command`; the screen draws a change at once, or with the next frame of typed keys. */
  private apply(command: Command, draw: "now" | "withTyped"): void {
    if (this.disposed) return;
    const before = this.current;
    const { state, effects } = reduce(before, command, this.env());
    const changed = state !== before;
    this.current = state;
    this.effects.devices.videoFeed?.record(before, state, command, effects);
    if (changed) this.effects.devices.signer?.observe(state);
    for (const effect of effects) runEffect(this.effects, effect);
    if (changed) {
      if (draw === "withTyped") this.drawTypedSoon();
      else this.draw();
    }
    if (this.pendingSubmit && !this.current.busy) {
      this.pendingSubmit = false;
      if (this.current.input.trim() !== "") {
        this.dispatch({ type: "input.submit" });
        this.shownAtOnce?.();
      }
    }
    if (this.pendingScans.length > 0 && !this.current.busy) this.ringPendingScans();
  }

  /** A key or text from the keyboard or scanner. */
  key(event: KeyEvent): void {
    this.restartIdleTimer();
    this.scheduleCollect();
    if (event.kind === "text") {
      if (this.heldText !== null || scanGuarded(this.current)) this.holdText(event.text);
      else this.apply({ type: "input.text", text: event.text }, "withTyped");
      return;
    }
    const command = this.options.keymap.commandFor(event.name);
    const held = this.takeHeldText();
    if (held !== null) {
      if (command === "input.submit") {
        // Text and Enter in one burst: a scan, which a menu or a question refuses.
        this.dispatch({ type: "input.scanned", text: held });
        this.shownAtOnce?.();
        return;
      }
      this.dispatch({ type: "input.text", text: held });
    }
    if (command === "input.submit" && this.current.busy) {
      // A scanner does not wait for the screen: its Enter counts once the till is free again.
      this.pendingSubmit = true;
      return;
    }
    if (command === undefined) return;
    const before = this.current;
    this.dispatch({ type: command });
    if (this.current !== before) this.shownAtOnce?.();
  }

  /** Tells the screen to draw now (with any typed keys not drawn yet). */
  private draw(): void {
    if (this.typedFrameTimer !== undefined) clearTimeout(this.typedFrameTimer);
    this.typedFrameTimer = undefined;
    this.typedSince = undefined;
    for (const listener of this.listeners) listener();
  }

  private drawTypedSoon(): void {
    const now = performance.now();
    this.typedSince ??= now;
    if (this.typedFrameTimer !== undefined) clearTimeout(this.typedFrameTimer);
    const wait = Math.min(TYPED_QUIET_MS, Math.max(0, this.typedSince + TYPED_FRAME_MAX_MS - now));
    this.typedFrameTimer = setTimeout(() => {
      this.typedFrameTimer = undefined;
      if (!this.disposed) this.draw();
    }, wait);
  }

  private holdText(text: string): void {
    this.heldText = (this.heldText ?? "") + text;
    if (this.heldTimer !== undefined) clearTimeout(this.heldTimer);
    this.heldTimer = setTimeout(() => {
      // Nothing followed soon: the text was typed, and counts as typed.
      const typed = this.takeHeldText();
      if (typed === null) return;
      this.dispatch({ type: "input.text", text: typed });
      this.shownAtOnce?.();
    }, SCAN_BURST_MS);
  }

  private takeHeldText(): string | null {
    const text = this.heldText;
    this.heldText = null;
    if (this.heldTimer !== undefined) clearTimeout(this.heldTimer);
    this.heldTimer = undefined;
    return text;
  }

  /**
   * Collects garbage once the keyboard has been quiet for a moment, so a kiosk with little
   * memory gives back what drawing the screen left behind, never while the cashier is typing.
   */
  private scheduleCollect(): void {
    if (this.disposed) return;
    if (this.collectTimer !== undefined) clearTimeout(this.collectTimer);
    this.collectTimer = setTimeout(() => {
      this.collectTimer = undefined;
      this.garbage.whenQuiet();
    }, COLLECT_AFTER_MS);
    this.collectTimer.unref?.();
  }

  private restartIdleTimer(): void {
    const ms = this.options.idleLockMs ?? 0;
    if (ms <= 0 || this.disposed) return;
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.idleLock(ms), ms);
    this.idleTimer.unref?.();
  }

  private idleLock(ms: number): void {
    this.idleTimer = undefined;
    if (this.current.cashier === null || this.current.busy) return;
    this.dispatch({ type: "till.lock" });
    const minutes = Math.max(1, Math.round(ms / 60_000));
    this.dispatch({ type: "status.info", message: { key: "info.idleLocked", params: { minutes } } });
  }

  /** Starts the idle timer (the first key restarts it). */
  start(): void {
    this.restartIdleTimer();
  }

  dispose(): void {
    this.disposed = true;
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    if (this.collectTimer !== undefined) clearTimeout(this.collectTimer);
    if (this.heldTimer !== undefined) clearTimeout(this.heldTimer);
    if (this.typedFrameTimer !== undefined) clearTimeout(this.typedFrameTimer);
    this.listeners.clear();
    this.unsubscribeLink();
  }
}
