/**
 * A real store and a logged-in `ringup till` in tmux with a network receipt printer on
 * loopback: the end-to-end tests of what the till prints (invoices, order slips) read the
 * printed jobs as text lines. Disposing it stops the till, the printer and the store and
 * removes their folders.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeEscPos } from "../../../src/devices/escpos/decode.ts";
import { EscPosSink } from "../../devices/support/escpos-sink.ts";
import { type StartStoreOptions, type StoreProcess, startStore } from "../../support/store-process.ts";
import { loggedInTill, type TmuxSession } from "./tmux.ts";

export class PrintingTill implements AsyncDisposable {
  private till: TmuxSession | null = null;
  private store: StoreProcess | null = null;
  private sink: EscPosSink | null = null;

  private constructor(readonly dir: string) {}

  /**
   * A store started with `options` (`dir` given to make its files in), `seed` run on it, then Ann
   * logged in at its till T1 printing to a fresh sink (`tillArgs`: more of the till's arguments).
   */
  static async start(
    options: (dir: string) => Promise<StartStoreOptions> | StartStoreOptions,
    seed: (store: StoreProcess) => Promise<void>,
    tillArgs: readonly string[] = [],
  ): Promise<PrintingTill> {
    const fixture = new PrintingTill(await mkdtemp(join(tmpdir(), "ringup-printing-till-")));
    try {
      fixture.store = await startStore(await options(fixture.dir));
      await seed(fixture.store);
      fixture.sink = await EscPosSink.start();
      fixture.till = await loggedInTill(fixture.store, "T1", join(fixture.dir, "till"), [
        "--printer",
        fixture.sink.uri,
        ...tillArgs,
      ]);
      return fixture;
    } catch (err) {
      await fixture[Symbol.asyncDispose]();
      throw err;
    }
  }

  get tmux(): TmuxSession {
    if (this.till === null) throw new Error("the till is not started");
    return this.till;
  }

  get storeProcess(): StoreProcess {
    if (this.store === null) throw new Error("the store is not started");
    return this.store;
  }

  /** Every job printed so far, as its text lines joined. */
  printed(): string[] {
    return this.decoded().map((job) => job.lines.join("\n"));
  }

  /** Every job printed so far, decoded (its text lines and its commands: codes, cuts…). */
  decoded(): ReturnType<typeof decodeEscPos>[] {
    return (this.sink?.jobs ?? []).map((job) => decodeEscPos(job));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.till?.[Symbol.asyncDispose]();
    await this.sink?.stop();
    await this.store?.[Symbol.asyncDispose]();
    await rm(this.dir, { recursive: true, force: true });
  }
}
