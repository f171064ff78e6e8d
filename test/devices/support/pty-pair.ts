/**
 * Two linked pseudo-terminals from socat, in a temp dir: the driver opens `host`, a simulated
 * device opens `device`. `unplug()` kills socat (both links vanish, like a pulled cable) and
 * `plug()` starts it again with the same link names.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Subprocess } from "bun";
import { waitFor } from "./wait.ts";

export class PtyPair implements AsyncDisposable {
  readonly host: string;
  readonly device: string;
  private proc: Subprocess | undefined;

  private constructor(readonly dir: string) {
    this.host = path.join(dir, "host");
    this.device = path.join(dir, "device");
  }

  static async start(): Promise<PtyPair> {
    const pair = new PtyPair(fs.mkdtempSync(path.join(os.tmpdir(), "ringup-pty-")));
    try {
      await pair.plug();
    } catch (error) {
      await pair[Symbol.asyncDispose]();
      throw error;
    }
    return pair;
  }

  async plug(): Promise<void> {
    if (this.proc !== undefined) return;
    this.proc = Bun.spawn(
      ["socat", `pty,raw,echo=0,link=${this.host}`, `pty,raw,echo=0,link=${this.device}`],
      { stdin: "ignore", stdout: "ignore", stderr: "ignore" },
    );
    await waitFor("socat's pseudo-terminals", () => fs.existsSync(this.host) && fs.existsSync(this.device));
  }

  async unplug(): Promise<void> {
    const proc = this.proc;
    if (proc === undefined) return;
    this.proc = undefined;
    proc.kill("SIGTERM");
    await proc.exited;
    // socat removes its links on SIGTERM; remove leftovers so a replug starts clean.
    fs.rmSync(this.host, { force: true });
    fs.rmSync(this.device, { force: true });
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.unplug();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
