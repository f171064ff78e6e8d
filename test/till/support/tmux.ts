/**
 * A program in a detached tmux session of a fixed size: type into it with send-keys and read
 * the screen with capture-pane, as a cashier at an 80×24 console would.
 */
import { randomUUID } from "node:crypto";
import { adminOk } from "../../support/admin-cli.ts";
import { ringupCommand, type StoreProcess } from "../../support/store-process.ts";

async function tmux(...args: string[]): Promise<string> {
  const proc = Bun.spawn(["tmux", ...args], { stdout: "pipe", stderr: "pipe" });
  const [out, err, code] = await Promise.all([
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
    proc.exited,
  ]);
  if (code !== 0) throw new Error(`tmux ${args.join(" ")} failed (${code}): ${err}`);
  return out;
}

export function haveTmux(): boolean {
  return Bun.which("tmux") !== null;
}

function shellQuote(arg: string): string {
  return `'${arg.replace(/'/g, "'\\''")}'`;
}

export class TmuxSession implements AsyncDisposable {
  private constructor(readonly name: string) {}

  /** Starts `argv` in a new session of `columns`×`rows`; the pane stays after the program exits. */
  static async start(
    argv: string[],
    env: Record<string, string>,
    columns = 80,
    rows = 24,
  ): Promise<TmuxSession> {
    const name = `ringup-${randomUUID().slice(0, 8)}`;
    const exports = Object.entries(env)
      .map(([k, v]) => `${k}=${shellQuote(v)}`)
      .join(" ");
    const command = `env -i ${exports} ${argv.map(shellQuote).join(" ")}; echo "[exited $?]"; sleep 600`;
    await tmux("new-session", "-d", "-s", name, "-x", String(columns), "-y", String(rows), command);
    return new TmuxSession(name);
  }

  screen(): Promise<string> {
    return tmux("capture-pane", "-p", "-t", this.name);
  }

  /** Keys in tmux's names (F10, Enter, Escape…) or literal text with `literal`. */
  async keys(...keys: string[]): Promise<void> {
    await tmux("send-keys", "-t", this.name, ...keys);
  }

  async type(text: string): Promise<void> {
    await tmux("send-keys", "-t", this.name, "-l", text);
  }

  /** Polls the screen until `check` passes; fails with the last screen after the deadline. */
  async waitFor(check: string | RegExp | ((screen: string) => boolean), what: string, timeoutMs = 20_000) {
    const test =
      typeof check === "function"
        ? check
        : (screen: string) => (typeof check === "string" ? screen.includes(check) : check.test(screen));
    const deadline = Date.now() + timeoutMs;
    let screen = "";
    for (;;) {
      screen = await this.screen();
      if (test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen:\n${screen}`);
      await Bun.sleep(20);
    }
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await tmux("kill-session", "-t", this.name).catch(() => undefined);
  }
}

/**
 * `ringup till` (the compiled binary under RINGUP_TEST_BINARY, else the sources) in a tmux
 * session of 80×24 against a store, once it shows the store online: the end-to-end tests'
 * common start.
 */
export async function startTillInTmux(
  server: string,
  tillId: string,
  dataDir: string,
  extraArgs: readonly string[] = [],
): Promise<TmuxSession> {
  const env = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? "/tmp",
    TERM: "screen",
  };
  const argv = [
    ...ringupCommand(),
    "till",
    "--server",
    server,
    "--till-id",
    tillId,
    "--data",
    dataDir,
    ...extraArgs,
  ];
  const till = await TmuxSession.start(argv, env, 80, 24);
  try {
    await till.waitFor("● online", "the till to reach the store", 30_000);
    return till;
  } catch (err) {
    await till[Symbol.asyncDispose]();
    throw err;
  }
}

/** Logs in at the till's log-in screen by PIN, waiting for the greeting of `name`. */
export async function logIn(till: TmuxSession, pin: string, name: string): Promise<void> {
  await till.waitFor(/PIN/i, "the log-in screen");
  await till.type(pin);
  await till.keys("Enter");
  await till.waitFor(`Hello, ${name}`, `${name}'s log-in`);
}

/**
 * `ringup kds` for `station` (the compiled binary under RINGUP_TEST_BINARY, else the sources) in
 * an 80×24 tmux session against a store, with the store's admin token.
 */
export function startKdsInTmux(
  store: Pick<StoreProcess, "url" | "token">,
  station: string,
  dataDir: string,
): Promise<TmuxSession> {
  const env = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? "/tmp",
    TERM: "screen",
    RINGUP_TOKEN: store.token,
  };
  const argv = [...ringupCommand(), "kds", "--server", store.url, "--station", station, "--data", dataDir];
  return TmuxSession.start(argv, env, 80, 24);
}

/**
 * A cashier (Ann, PIN 1234) with the till's shift open, and `ringup till` logged in as her:
 * where the end-to-end tests of a cashier's work start.
 */
export async function loggedInTill(
  store: Pick<StoreProcess, "url" | "token">,
  tillId: string,
  dataDir: string,
  /** More arguments of `ringup till` (e.g. `--printer URI`). */
  extraArgs: readonly string[] = [],
): Promise<TmuxSession> {
  await adminOk(store, "user", "add", "--name", "Ann", "--role", "cashier", "--pin", "1234");
  await adminOk(store, "shift", "open", "--till", tillId, "--float", "100");
  const till = await startTillInTmux(store.url, tillId, dataDir, extraArgs);
  await logIn(till, "1234", "Ann");
  return till;
}
