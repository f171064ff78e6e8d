import { Database } from "bun:sqlite";
import { existsSync } from "node:fs";

/**
 * A program on a pseudo-terminal of Bun's own (no relay process between): its screen as the
 * terminal receives it, and the time each write takes to show something.
 */

/** xterm's F3 (void the line). */
export const F3 = "\u001bOR";

/**
 * The gap between the keys of a PIN typed at the log-in screen: a quick cashier's pace (a PIN
 * and its Enter in a little under a second), not a machine's.
 */
const PIN_KEY_GAP_MS = 180;

/** How often the log-in step scans again while the till's catalog is still syncing. */
const SYNC_POLL_MS = 200;

/** What the screen keeps of the output: enough for a frame (about 2 KB at 80×24) many times. */
const KEEP_CHARS = 16_384;

export async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await Bun.sleep(1);
  }
}

/** Waits until the till's file (`dbFile`) records a sync that ended after `since` (an ISO time). */
async function syncedSince(dbFile: string, since: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const lastSync = () => {
    if (!existsSync(dbFile)) return "";
    const db = new Database(dbFile);
    try {
      return (
        db.query<{ value: string }, []>("SELECT value FROM meta WHERE key = 'lastSyncAt'").get()?.value ?? ""
      );
    } finally {
      db.close();
    }
  };
  while (lastSync() <= since) {
    if (Date.now() > deadline) throw new Error(`bench: the till never synced after its log-in (${dbFile})`);
    await Bun.sleep(20);
  }
}

export class Terminal {
  private output = "";
  private waiting: { marker: string; since: number; done: (ms: number) => void } | null = null;
  private readonly decoder = new TextDecoder();
  /** When the program was started (an ISO time). */
  private readonly startedAt = new Date().toISOString();
  private constructor(private readonly proc: Bun.Subprocess) {}

  static start(command: string[], env: Record<string, string> = {}): Terminal {
    let terminal: Terminal | undefined;
    const proc = Bun.spawn(command, {
      terminal: {
        cols: 80,
        rows: 24,
        name: "xterm",
        data: (_terminal, data) => terminal?.received(data),
      },
      env: {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        HOME: process.env.HOME ?? "/tmp",
        TERM: "xterm",
        ...env,
      },
    });
    terminal = new Terminal(proc);
    return terminal;
  }

  /** `ringup till` on `serverUrl` with its own data dir. */
  static till(binary: string, serverUrl: string, tillId: string, dataDir: string): Terminal {
    return Terminal.start([binary, "till", "--server", serverUrl, "--till-id", tillId, "--data", dataDir]);
  }

  private received(data: Uint8Array): void {
    // Appended, and cut back only now and then: the output since the last timed write is what
    // is searched, and a copy of the whole tail for every chunk would be garbage made while
    // measuring.
    this.output += this.decoder.decode(data, { stream: true });
    if (this.output.length > 4 * KEEP_CHARS) this.output = this.output.slice(-KEEP_CHARS);
    const waiting = this.waiting;
    if (waiting && this.output.includes(waiting.marker)) {
      this.waiting = null;
      waiting.done(performance.now() - waiting.since);
    }
  }

  has(text: string): boolean {
    return this.output.includes(text);
  }

  tail(): string {
    return this.output.slice(-3000);
  }

  write(text: string): void {
    this.proc.terminal?.write(text);
  }

  /** Types `text` a key at a time, a millisecond apart, as a keyboard-wedge scanner does. */
  async type(text: string): Promise<void> {
    for (const char of text) {
      this.write(char);
      await Bun.sleep(1);
    }
  }

  /** Writes `text` and answers the ms until `marker` is on the screen. */
  timed(text: string, marker: string, timeoutMs = 5_000): Promise<number> {
    this.output = "";
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        reject(new Error(`bench: "${marker}" never reached the screen:\n${this.tail()}`));
      }, timeoutMs);
      this.waiting = {
        marker,
        since: performance.now(),
        done: (ms) => {
          clearTimeout(timer);
          resolve(ms);
        },
      };
      this.write(text);
    });
  }

  get pid(): number {
    return this.proc.pid;
  }

  /**
   * Logs in (PIN 1234, typed at a person's pace), waits until the till's SQLite file (`dbFile`)
   * records a whole sync since it started (settings, catalog, departments: the first one after a log-in
   * runs in the background, and a scan before it ends may meet a code or a tax class the till
   * does not have yet), then rings `code` (BENCH1 by default) and voids it: the scans then start
   * on an empty sale. Each step waits for what it leads to on the screen, however long the till
   * takes (the machine may be busy), so no scan is sent twice and every line rung is voided.
   */
  async readyToScan(dbFile: string, code = "BENCH1", name = "Bench apples"): Promise<void> {
    await until(() => this.has("online"), "the till to reach the store", 30_000);
    for (const key of "1234\r") {
      await Bun.sleep(PIN_KEY_GAP_MS);
      this.write(key);
    }
    await until(() => this.has("Hello"), "the log-in", 30_000);
    await syncedSince(dbFile, this.startedAt, 120_000);
    const deadline = Date.now() + 60_000;
    // The start of the name: a long one is cut to its column.
    const line = `1 ${name.slice(0, 20)}`;
    for (;;) {
      this.output = "";
      this.write(`${code}\r`);
      await until(
        () => this.has(line) || this.has("Unknown code"),
        `the line of ${code}`,
        Math.max(1, deadline - Date.now()),
      ).catch((err: Error) => {
        throw new Error(`${err.message}:\n${this.tail()}`);
      });
      if (!this.has(line)) throw new Error(`bench: the till does not know ${code}:\n${this.tail()}`);
      // Not on the till yet, the store answered: the catalog is still syncing.
      const askedStore = this.has("not on this till yet");
      this.output = "";
      this.write(F3);
      await until(() => this.has("Line voided"), "the void", 30_000);
      if (!askedStore) return;
      if (Date.now() > deadline) throw new Error(`bench: the till's catalog never knew ${code}`);
      await Bun.sleep(SYNC_POLL_MS);
    }
  }

  async stop(): Promise<void> {
    this.proc.kill("SIGKILL");
    await this.proc.exited;
    this.proc.terminal?.close();
  }
}

export async function rssMb(pid: number): Promise<number> {
  const status = await Bun.file(`/proc/${pid}/status`).text();
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}
