/**
 * Supervisor approval for returns and voids: a supervisor's PIN typed with the request
 * (`approvalPin`), an approval obtained earlier with `POST /approvals` (`approvalId`, used up
 * inside the caller's transaction), or the caller being a supervisor or higher already.
 */
import { approvalNeeded, mayApprove } from "../../api/store/roles.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { type ApprovalAction, actorId, consumeApproval, verifyApproval } from "../users/index.ts";
import { ReturnError } from "./errors.ts";

export interface ApprovalInput {
  approvalPin?: string | undefined;
  approvalId?: string | undefined;
}

export interface Approval {
  /** Who approved, when known before the transaction. */
  approvedBy: string | null;
  /** For an `approvalId`: uses it up inside the transaction and answers the approver. */
  consume?: (tx: StoreTx) => string;
}

const ACTION_TEXT: Partial<Record<ApprovalAction, string>> = {
  returnWithoutReceipt: "a return without a receipt",
  refund: "a refund",
  voidAfterTotal: "voiding a completed sale",
};

/**
 * Checks the approval for an action. `required` says whether the store asks for one; a PIN or
 * approval id given anyway is still checked and recorded. Call before the transaction (a wrong
 * PIN then counts towards the till's lock-out), and `consume` inside it.
 */
export function checkApproval(
  ctx: StoreContext,
  principal: Principal,
  action: ApprovalAction,
  required: boolean,
  input: ApprovalInput,
  where: { tillId: string | null; refId: string | null },
): Approval {
  if (input.approvalId !== undefined) {
    const approvalId = input.approvalId;
    return {
      approvedBy: null,
      consume: (tx) =>
        consumeApproval(ctx, tx, approvalId, action, { tillId: where.tillId, usedFor: where.refId }).id,
    };
  }
  if (input.approvalPin !== undefined) {
    const approver = verifyApproval(ctx, undefined, input.approvalPin, action, {
      tillId: where.tillId,
      requestedBy: actorId(principal),
      refId: where.refId,
    });
    return { approvedBy: approver.id };
  }
  if (!approvalNeeded(required, principal.rights, action)) return { approvedBy: null };
  if (mayApprove(principal.rights, action)) return { approvedBy: actorId(principal) };
  throw new ReturnError(
    "APPROVAL_REQUIRED",
    `${ACTION_TEXT[action] ?? action} needs a supervisor's approval: send approvalPin (or approvalId from POST /approvals)`,
    { action },
  );
}
