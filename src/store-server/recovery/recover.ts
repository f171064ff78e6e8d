/**
 * At start, with a link to head office: is this store's journal the one head office applied?
 * A journal behind head office's (a restored backup, a lost disk) never issues a sequence
 * number head office applied: the store recovers the missing events from head office first
 * (`--recover-from-hq`), or refuses to start saying by how much it is behind and what to do.
 * A forked journal (an event with another hash) is refused either way. The finding is
 * reported to head office, so its `GET /stores` shows it too.
 */

import type { Divergence } from "../../api/hq/store-journal.ts";
import { DomainError } from "../../core/errors.ts";
import type { StoreContext } from "../context.ts";
import type { JournalLink } from "../hq-link/journal-link.ts";
import { verifyJournal } from "../journal/verify.ts";
import { compareWithHq, compareWithHqCopy, type Finding, journalHead } from "../replication/divergence.ts";
import { costingOf } from "../stock/ledger.ts";
import { replayEvent } from "./replay.ts";

export class JournalDivergedError extends DomainError {
  readonly code = "JOURNAL_DIVERGED";
  override readonly kind = "conflict";
}

const PAGE = 1000;

export interface ReconcileOptions {
  /** Fetch and replay what is missing instead of refusing to start. */
  recover: boolean;
  log: (line: string) => void;
}

export interface ReconcileResult {
  /** Events recovered from head office. */
  recovered: number;
  lastSeq: number;
  hqSeq: number;
}

async function report(
  link: JournalLink,
  diverged: Divergence | null,
  log: (line: string) => void,
): Promise<void> {
  try {
    await link.reportDivergence(diverged);
  } catch (err) {
    log(
      `store: could not tell head office about the journal (${err instanceof Error ? err.message : String(err)})`,
    );
  }
}

function asDivergence(finding: Finding, now: Date): Divergence {
  return { ...finding, since: now.toISOString(), foundBy: "store" };
}

export async function reconcileWithHq(
  ctx: StoreContext,
  link: JournalLink,
  options: ReconcileOptions,
): Promise<ReconcileResult> {
  const head = journalHead(ctx.sqlite);
  const first = await link.events(head.seq, PAGE);
  const finding = compareWithHqCopy(ctx.sqlite, ctx.storeId, first);
  if (finding === null) {
    await report(link, null, options.log);
    return { recovered: 0, lastSeq: head.seq, hqSeq: first.appliedSeq };
  }
  if (finding.kind !== "behind" || !options.recover) {
    await report(link, asDivergence(finding, ctx.now()), options.log);
    const what =
      finding.kind === "behind"
        ? `the store's journal is behind head office by ${finding.hqSeq - head.seq} event(s) (it ends at ${head.seq}, head office applied ${finding.hqSeq}); refusing to start so that no sequence number head office applied is issued again: run with --recover-from-hq to fetch the missing events from head office first, or restore a newer backup`
        : `${finding.message}; ${finding.fix}`;
    throw new JournalDivergedError(what, finding);
  }
  options.log(`store: recovering events ${head.seq + 1} to ${finding.hqSeq} from head office (${link.url})`);
  let recovered = 0;
  let page = first;
  for (;;) {
    const events = page.events;
    ctx.db.transaction((tx) => {
      for (const event of events) replayEvent(tx, ctx.storeId, event, costingOf(ctx.settings));
    });
    recovered += events.length;
    const last = journalHead(ctx.sqlite).seq;
    if (events.length === 0 || last >= page.appliedSeq) break;
    page = await link.events(last, PAGE);
  }
  const verified = verifyJournal(ctx.sqlite, ctx.storeId);
  if (!verified.ok) {
    throw new JournalDivergedError(
      `the journal does not verify after recovering from head office: ${verified.problem?.message ?? "unknown problem"}`,
    );
  }
  const after = compareWithHq(ctx.sqlite, ctx.storeId, { seq: page.appliedSeq, hash: page.appliedHash });
  if (after !== null) throw new JournalDivergedError(`${after.message}; ${after.fix}`, after);
  await report(link, null, options.log);
  options.log(
    `store: recovered ${recovered} event(s) from head office; the journal verifies and continues after event ${verified.lastSeq}`,
  );
  return { recovered, lastSeq: verified.lastSeq, hqSeq: page.appliedSeq };
}
