/**
 * Opening the cash drawer. Every opening is audited and journaled (`drawer.opened`); a no-sale
 * opening needs a supervisor's approval when the store asks for one (`approvals.noSale`): a
 * PIN typed with the request, an approval from `POST /approvals`, or a supervisor's own session.
 */
import { and, eq, isNull } from "drizzle-orm";
import { shifts } from "../../../schema/store.ts";
import { approvalNeeded, mayApprove } from "../../api/store/roles.ts";
import type { DrawerOpenInput } from "../../api/store/shifts.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import { recordAudit } from "../audit/service.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { appendEvent } from "../journal/journal.ts";
import { actorId } from "../users/access.ts";
import { consumeApproval, verifyApproval } from "../users/approvals.ts";
import { ShiftError } from "./errors.ts";

const EVENT_REASON = {
  sale: "sale",
  return: "return",
  noSale: "no_sale",
  cashIn: "cash_movement",
  cashOut: "cash_movement",
} as const;

export interface DrawerOpening {
  tillId: string;
  reason: DrawerOpenInput["reason"];
  shiftId: string | null;
  userId: string;
  approvedBy: string | null;
  at: string;
}

export function openDrawer(ctx: StoreContext, input: DrawerOpenInput, principal: Principal): DrawerOpening {
  const by = actorId(principal);
  const noSale = input.reason === "noSale";
  let approvedBy: string | null = null;
  if (input.approvalPin !== undefined) {
    // Before the transaction, so a wrong PIN counts towards the till's lock-out.
    approvedBy = verifyApproval(ctx, undefined, input.approvalPin, "noSale", {
      tillId: input.tillId,
      requestedBy: by,
      refId: input.refId ?? null,
    }).id;
  } else if (
    noSale &&
    approvalNeeded(ctx.settings.approvals.noSale, principal.rights, "noSale") &&
    input.approvalId === undefined
  ) {
    if (!mayApprove(principal.rights, "noSale")) {
      throw new ShiftError(
        "APPROVAL_REQUIRED",
        "opening the drawer without a sale needs a supervisor's approval: send approvalPin (or approvalId from POST /approvals)",
        { action: "noSale" },
      );
    }
    approvedBy = by;
  }
  const at = ctx.now();
  return ctx.db.transaction((tx) => {
    if (input.approvalId !== undefined) {
      approvedBy = consumeApproval(ctx, tx, input.approvalId, "noSale", {
        tillId: input.tillId,
        usedFor: input.refId ?? null,
      }).id;
    }
    const shift = tx
      .select({ id: shifts.id })
      .from(shifts)
      .where(and(eq(shifts.tillId, input.tillId), isNull(shifts.closedAt)))
      .get();
    const opening: DrawerOpening = {
      tillId: input.tillId,
      reason: input.reason,
      shiftId: shift?.id ?? null,
      userId: by,
      approvedBy,
      at: at.toISOString(),
    };
    recordAudit(ctx, tx, {
      action: noSale ? AUDIT_ACTIONS.noSale : AUDIT_ACTIONS.drawerOpened,
      at,
      userId: by,
      tillId: input.tillId,
      approvedBy,
      refId: input.refId ?? opening.shiftId,
      detail: { reason: input.reason },
    });
    appendEvent(
      tx,
      ctx.storeId,
      "drawer.opened",
      {
        tillId: input.tillId,
        userId: by,
        shiftId: opening.shiftId,
        approvedBy,
        at: opening.at,
        reason: EVENT_REASON[input.reason],
        refId: input.refId ?? null,
      },
      at,
    );
    return opening;
  });
}
