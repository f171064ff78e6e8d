/**
 * `POST /api/v1/backup` (admin): a consistent copy of the store's database taken while it keeps
 * selling, verified (integrity check and journal chain), and sent as the answer's body. The
 * copy is made in the data directory's `backups` folder and removed once it is being sent.
 */
import { closeSync, fstatSync, openSync, readSync, unlinkSync } from "node:fs";
import { dirname, join } from "node:path";
import { Elysia } from "elysia";
import { takeVerifiedBackup } from "../../shared/backup.ts";
import { requireRole } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { BackupError } from "./errors.ts";
import { journalChainCheck } from "./verify.ts";

const CHUNK_BYTES = 1024 * 1024;

/** The file as a stream, already unlinked: nothing is left behind however the download ends. */
function streamAndForget(path: string): { body: ReadableStream<Uint8Array>; bytes: number } {
  const fd = openSync(path, "r");
  unlinkSync(path);
  const bytes = fstatSync(fd).size;
  let closed = false;
  const close = () => {
    if (!closed) closeSync(fd);
    closed = true;
  };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = new Uint8Array(CHUNK_BYTES);
      const read = readSync(fd, chunk, 0, CHUNK_BYTES, null);
      if (read === 0) {
        close();
        controller.close();
      } else {
        controller.enqueue(chunk.subarray(0, read));
      }
    },
    cancel: close,
  });
  return { body, bytes };
}

export function backupRoutes(ctx: StoreContext) {
  return new Elysia({ name: "ringup.store.backup" })
    .use(requireAuth(ctx))
    .derive(({ principal }) => {
      requireRole(principal, "admin", "taking a backup");
      return {};
    })
    .post(
      "/backup",
      () => {
        const at = ctx.now();
        const dir = join(dirname(ctx.sqlite.filename), "backups");
        const taken = takeVerifiedBackup(
          ctx.sqlite,
          dir,
          `${ctx.storeId}-requested`,
          at,
          journalChainCheck(ctx.storeId),
        );
        if (!taken.ok) {
          throw new BackupError(
            "BACKUP_FAILED",
            `the store could not take a backup that verifies: ${taken.problem}. See the store's log; check free disk space in ${dir}, and run 'ringup doctor'`,
          );
        }
        const { body, bytes } = streamAndForget(taken.path);
        return new Response(body, {
          headers: {
            "content-type": "application/vnd.sqlite3",
            "content-length": String(bytes),
            "content-disposition": `attachment; filename="${ctx.storeId}-${at.toISOString().replace(/[-:]/g, "")}.db"`,
            "ringup-store-id": ctx.storeId,
            "ringup-backup-at": at.toISOString(),
          },
        });
      },
      {
        detail: {
          summary:
            "A verified copy of the store's database (SQLite file), taken while it keeps selling: every sale acknowledged before the request is in it",
        },
      },
    );
}
