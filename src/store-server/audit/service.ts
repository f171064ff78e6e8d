/**
 * The audit log: who did what at which till, and who approved it. Features write rows with
 * `recordAudit` inside their own transaction; managers query them by user, till, action and time.
 */
import { aliasedTable, and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { audit, users } from "../../../schema/store.ts";
import type { AuditEntry, AuditQuery } from "../../api/store/audit.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { appendEvent } from "../journal/journal.ts";

export interface AuditInput {
  action: string;
  at: Date;
  userId?: string | null;
  tillId?: string | null;
  approvedBy?: string | null;
  refId?: string | null;
  detail?: Record<string, unknown> | null;
}

/**
 * Writes one audit row. With `journal: true` it also appends an `audit.recorded` event (for
 * actions that have no journal event of their own, such as log-ins and failed PINs).
 */
export function recordAudit(ctx: StoreContext, tx: StoreTx, input: AuditInput, journal = false): void {
  const at = input.at.toISOString();
  const detail = input.detail ? JSON.stringify(input.detail) : null;
  const row = {
    at,
    action: input.action,
    userId: input.userId ?? null,
    tillId: input.tillId ?? null,
    approvedBy: input.approvedBy ?? null,
    refId: input.refId ?? null,
    detail,
  };
  tx.insert(audit).values(row).run();
  if (journal) appendEvent(tx, ctx.storeId, "audit.recorded", row, input.at);
}

function parseDetail(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export class AuditService {
  constructor(private readonly ctx: StoreContext) {}

  /** Newest first. */
  query(q: AuditQuery): AuditEntry[] {
    const conditions: SQL[] = [];
    if (q.userId) conditions.push(eq(audit.userId, q.userId));
    if (q.tillId) conditions.push(eq(audit.tillId, q.tillId));
    if (q.action) conditions.push(eq(audit.action, q.action));
    if (q.from) conditions.push(gte(audit.at, new Date(q.from).toISOString()));
    if (q.to) conditions.push(lt(audit.at, new Date(q.to).toISOString()));
    const actor = aliasedTable(users, "actor");
    const approver = aliasedTable(users, "approver");
    return this.ctx.db
      .select({
        id: audit.id,
        at: audit.at,
        action: audit.action,
        userId: audit.userId,
        userName: actor.name,
        tillId: audit.tillId,
        approvedBy: audit.approvedBy,
        approvedByName: approver.name,
        refId: audit.refId,
        detail: audit.detail,
      })
      .from(audit)
      .leftJoin(actor, eq(actor.id, audit.userId))
      .leftJoin(approver, eq(approver.id, audit.approvedBy))
      .where(conditions.length > 0 ? and(...conditions) : undefined)
      .orderBy(desc(audit.at), desc(audit.id))
      .limit(q.limit)
      .all()
      .map((r) => ({ ...r, detail: parseDetail(r.detail) }));
  }
}
