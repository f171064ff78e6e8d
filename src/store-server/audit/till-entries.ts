/**
 * Cashier actions a till reports (`POST /audit/till-entries`): price checks, PINs refused and
 * log-ins made while the store was unreachable, receipts printed again. Each entry is recorded
 * once by its id (kept as the audit row's `refId`) and journaled as `audit.recorded`.
 *
 * Identity comes from what the store can check: the till is the caller's session's (or till
 * token's); the cashier is the one the entry's `madeIn` proves (a session proof the store
 * issued, or an offline log-in the till signed), and nobody when it carries none (a PIN refused
 * at a locked till was typed by no one the till knew). The session that sends an entry is
 * whoever is logged in when the outbox drains, so it never names the entry's cashier.
 */
import { and, eq, inArray } from "drizzle-orm";
import { audit } from "../../../schema/store.ts";
import type { TillTraceAnswer } from "../../api/store/answers.ts";
import type { TillTraceRequest } from "../../core/till-trace.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { verifyProof } from "../tills/proofs.ts";
import { TILL_ENTRY_ACTIONS } from "./actions.ts";
import { AuditError } from "./errors.ts";
import { recordAudit } from "./service.ts";

function tillOf(principal: Principal): string {
  if (principal.tillId === null) {
    throw new AuditError(
      "NOT_A_TILL",
      "till entries are sent by a till: use the session of a log-in at the till (or its till token), not an admin token",
    );
  }
  return principal.tillId;
}

/** The cashier an entry's `madeIn` proves, at this till. */
function cashierOf(
  ctx: StoreContext,
  tillId: string,
  madeIn: string | undefined,
  where: string,
): string | null {
  if (madeIn === undefined) return null;
  const proof = verifyProof(ctx.db, madeIn, `${where}.madeIn`);
  if (proof.k === "approval") {
    throw new AuditError("IDENTITY_MISMATCH", `${where}.madeIn: an approval is not the proof of a log-in`);
  }
  if (proof.till !== tillId) {
    throw new AuditError(
      "IDENTITY_MISMATCH",
      `${where}.madeIn proves a log-in at till ${proof.till}, not at ${tillId}`,
      { sessionTillId: tillId, provenTillId: proof.till },
    );
  }
  return proof.user;
}

export function recordTillEntries(
  ctx: StoreContext,
  request: TillTraceRequest,
  principal: Principal,
): { answer: TillTraceAnswer; created: boolean } {
  const tillId = tillOf(principal);
  const ids = request.entries.map((e) => e.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice !== undefined) {
    throw new AuditError("DUPLICATE_ENTRY", `entry ${twice} is in the request twice`, {
      id: twice,
    });
  }
  // Proofs are checked before anything is written: one bad entry refuses the whole request.
  const users = request.entries.map((e, i) => cashierOf(ctx, tillId, e.madeIn, `entries[${i}]`));
  return ctx.db.transaction((tx) => {
    const seen = new Map(
      tx
        .select({ refId: audit.refId, action: audit.action })
        .from(audit)
        .where(
          and(
            eq(audit.tillId, tillId),
            inArray(audit.refId, ids),
            inArray(audit.action, [...TILL_ENTRY_ACTIONS]),
          ),
        )
        .all()
        .map((r) => [r.refId, r.action]),
    );
    const answer: TillTraceAnswer = { recorded: [], already: [] };
    request.entries.forEach((entry, i) => {
      const action = seen.get(entry.id);
      if (action !== undefined) {
        if (action !== entry.action) {
          throw new AuditError(
            "ENTRY_ID_REUSED",
            `entries[${i}]: entry ${entry.id} was recorded as ${action}, not ${entry.action}`,
            { id: entry.id, recordedAs: action },
          );
        }
        answer.already.push(entry.id);
        return;
      }
      recordAudit(
        ctx,
        tx,
        {
          action: entry.action,
          at: new Date(entry.at),
          userId: users[i] ?? null,
          tillId,
          refId: entry.id,
          detail: entry.detail ?? null,
        },
        true,
      );
      answer.recorded.push(entry.id);
    });
    return { answer, created: answer.recorded.length > 0 };
  });
}
