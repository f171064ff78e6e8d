/**
 * A small real tmpfs for disk-full tests: `mount -t tmpfs -o size=… tmpfs DIR` (needs root),
 * a filler file written until the disk refuses, and the unmount. `mountTmpfs` answers null,
 * with the reason, where mounting is not permitted, so a test can skip saying why.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Tmpfs extends AsyncDisposable {
  dir: string;
  /** Writes `filler` until the disk is full (ENOSPC); answers the bytes written. */
  fill(): number;
  /** Deletes the filler: the disk has room again. */
  free(): void;
}

function run(argv: string[]): { ok: boolean; output: string } {
  const proc = Bun.spawnSync(argv, { stdout: "pipe", stderr: "pipe" });
  return { ok: proc.exitCode === 0, output: `${proc.stdout.toString()}${proc.stderr.toString()}`.trim() };
}

export function mountTmpfs(sizeBytes: number): Tmpfs | { skipped: string } {
  const dir = mkdtempSync(join(tmpdir(), "ringup-tmpfs-"));
  const mounted = run(["mount", "-t", "tmpfs", "-o", `size=${sizeBytes},mode=0700`, "tmpfs", dir]);
  if (!mounted.ok) {
    rmSync(dir, { recursive: true, force: true });
    return { skipped: `mounting a tmpfs is not permitted here (${mounted.output || "mount failed"})` };
  }
  const filler = join(dir, "filler");
  return {
    dir,
    fill() {
      const fd = openSync(filler, "a");
      const chunk = Buffer.alloc(64 * 1024, 0x5a);
      let written = 0;
      try {
        for (;;) {
          // A short write means the last bytes did not fit: the next one fails with ENOSPC.
          written += writeSync(fd, chunk);
        }
      } catch (err) {
        if ((err as { code?: string }).code !== "ENOSPC") throw err;
      } finally {
        closeSync(fd);
      }
      return written;
    },
    free() {
      rmSync(filler, { force: true });
    },
    async [Symbol.asyncDispose]() {
      const unmounted = run(["umount", dir]);
      if (!unmounted.ok) run(["umount", "-l", dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
