/**
 * The store's database checked for corruption: at start and then on a schedule, with SQLite's
 * `PRAGMA quick_check`. A store whose file is damaged keeps answering reads (reports, the
 * journal for head office) but refuses every write with `503 STORAGE_CORRUPT`, says so on
 * `/health`, and tells the operator what to do; tills keep selling offline meanwhile.
 */
import { join } from "node:path";
import { Elysia } from "elysia";
import type { StoreContext } from "./context.ts";
import { IntegrityError } from "./integrity-errors.ts";

export interface IntegrityState {
  ok: boolean;
  checkedAt: string | null;
  /** SQLite's first findings when the check failed. */
  problem: string | null;
}

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Up to this size the check at start is the full one (a CORE-POS-sized store: well under a second). */
const FULL_CHECK_MAX_BYTES = 256 * 1024 * 1024;

/** What a damaged database file at start is told: stop, keep the file, restore the last backup. */
export function damagedAtStart(dataDir: string, problem: string): IntegrityError {
  const backups = join(dataDir, "backups");
  return new IntegrityError(
    "STORAGE_CORRUPT",
    `store: the database file ${join(dataDir, "store.db")} is damaged (${problem}); the store does not start on it. ` +
      `Keep a copy of the data folder for analysis, then restore the last good backup (ls ${backups} lists them): ` +
      `ringup restore --data ${dataDir} ${join(backups, "<backup>.db")}. Tills keep selling offline meanwhile.`,
  );
}

/** SQLite's answers for a file that is not a database or is damaged, as bun:sqlite throws them. */
export function isDamagedFile(error: unknown): boolean {
  const code = error instanceof Error && "code" in error ? error.code : undefined;
  return typeof code === "string" && /^SQLITE_(NOTADB|CORRUPT)/.test(code);
}

export class IntegrityMonitor {
  state: IntegrityState = { ok: true, checkedAt: null, problem: null };
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly ctx: StoreContext,
    private readonly onProblem: (message: string) => void = () => {},
  ) {}

  /**
   * Runs `PRAGMA quick_check` (seconds on a large file: it runs at start and on the schedule
   * only), or the fuller `integrity_check` (indexes against their tables too) when asked.
   */
  check(pragma: "quick_check" | "integrity_check" = "quick_check", notify = true): IntegrityState {
    let findings: string[];
    try {
      findings = this.ctx.sqlite
        .query<Record<string, string>, []>(`PRAGMA ${pragma}(20)`)
        .all()
        .map((r) => String(Object.values(r)[0]));
    } catch (err) {
      findings = [err instanceof Error ? err.message : String(err)];
    }
    const ok = findings.length === 1 && findings[0] === "ok";
    const problem = ok ? null : findings.slice(0, 5).join("; ");
    const wasOk = this.state.ok;
    this.state = { ok, checkedAt: this.ctx.now().toISOString(), problem };
    if (!ok && wasOk && notify) {
      this.onProblem(
        `store: the database file is damaged (${problem}); writes are refused. Stop the store, keep a copy of the data folder, and restore the last backup (tills keep selling offline meanwhile).`,
      );
    }
    return this.state;
  }

  /**
   * The check at start: SQLite's full `integrity_check` on a file up to FULL_CHECK_MAX_BYTES
   * (about 5 ms a MB here), `quick_check` on a larger one (about half that).
   */
  checkAtStart(): IntegrityState {
    const size = this.ctx.sqlite
      .query<{ bytes: number }, []>(
        "SELECT page_count * page_size AS bytes FROM pragma_page_count(), pragma_page_size()",
      )
      .get();
    // Damage found here stops the start: the caller says so, not the "writes are refused" notice.
    return this.check((size?.bytes ?? 0) <= FULL_CHECK_MAX_BYTES ? "integrity_check" : "quick_check", false);
  }

  /** Checks again every `minutes` (0: only at start). */
  schedule(minutes: number): void {
    if (minutes <= 0) return;
    this.timer = setInterval(() => this.check(), minutes * 60_000);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** Refuses writes while the file is damaged. */
  guard() {
    return new Elysia({ name: "ringup.store.integrity" }).onBeforeHandle({ as: "global" }, ({ request }) => {
      if (this.state.ok || READ_METHODS.has(request.method)) return;
      throw new IntegrityError(
        "STORAGE_CORRUPT",
        "the store's database file is damaged, so nothing new can be recorded; tills keep selling offline. Ask the administrator to restore the last backup",
        { checkedAt: this.state.checkedAt },
      );
    });
  }
}
