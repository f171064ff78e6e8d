/**
 * The store's database checked for corruption: at start and then on a schedule, with SQLite's
 * `PRAGMA quick_check`. A store whose file is damaged keeps answering reads (reports, the
 * journal for head office) but refuses every write with `503 STORAGE_CORRUPT`, says so on
 * `/health`, and tells the operator what to do; tills keep selling offline meanwhile.
 */
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

export class IntegrityMonitor {
  state: IntegrityState = { ok: true, checkedAt: null, problem: null };
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly ctx: StoreContext,
    private readonly onProblem: (message: string) => void = () => {},
  ) {}

  /** Runs `PRAGMA quick_check` (seconds on a large file: it runs at start and on the schedule only). */
  check(): IntegrityState {
    let findings: string[];
    try {
      findings = this.ctx.sqlite
        .query<{ quick_check: string }, []>("PRAGMA quick_check(20)")
        .all()
        .map((r) => r.quick_check);
    } catch (err) {
      findings = [err instanceof Error ? err.message : String(err)];
    }
    const ok = findings.length === 1 && findings[0] === "ok";
    const problem = ok ? null : findings.slice(0, 5).join("; ");
    const wasOk = this.state.ok;
    this.state = { ok, checkedAt: this.ctx.now().toISOString(), problem };
    if (!ok && wasOk) {
      this.onProblem(
        `store: the database file is damaged (${problem}); writes are refused. Stop the store, keep a copy of the data folder, and restore the last backup (tills keep selling offline meanwhile).`,
      );
    }
    return this.state;
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
