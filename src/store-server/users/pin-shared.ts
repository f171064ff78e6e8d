/**
 * A PIN two active users of this store share (a user of its own and one from head office, who
 * cannot see this store's PINs): refused at log-in and approval, and journaled for head office.
 */
import { DomainError } from "../../core/errors.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import { recordAudit } from "../audit/service.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import type { PinMatch } from "./pins.ts";

/** A PIN two active users of this store share: nobody logs in with it until one is changed. */
export class PinSharedError extends DomainError {
  readonly code = "PIN_SHARED";
  override readonly kind = "conflict";
}

/**
 * Refuses a PIN that a user here and a user from head office share, and journals it as a
 * change this store could not apply (`catalog.change_skipped`), so head office sees which of
 * its users needs another PIN.
 */
export function pinShared(ctx: StoreContext, tx: StoreTx, match: PinMatch, at: Date): PinSharedError {
  const other = match.sharedWith;
  if (other) {
    recordAudit(
      ctx,
      tx,
      {
        action: AUDIT_ACTIONS.catalogChangeSkipped,
        at,
        refId: other.id.slice(0, 64),
        detail: {
          kind: "user",
          code: "PIN_SHARED",
          reason:
            `the PIN of ${other.name} (from head office) is the PIN of ${match.user.name}, a user of this store`.slice(
              0,
              200,
            ),
        },
      },
      true,
    );
  }
  return new PinSharedError(
    "this PIN belongs to two users of this store: nobody logs in with it until a manager gives one of them a new PIN (at this store, or at head office for a user from there)",
  );
}
