/**
 * The card tenders' reconciler: every few seconds, while the store has a link to head office,
 * it commits, releases and sends what head office has not seen yet (see CardTendersService).
 */
import { log } from "../../shared/log.ts";
import type { StoreContext } from "../context.ts";
import { SalesService } from "../sales/service.ts";
import { CardTendersService } from "./service.ts";

export function startCardReconciler(ctx: StoreContext, everyMs = 2_000): { stop(): Promise<void> } {
  const service = new CardTendersService(ctx, new SalesService(ctx));
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running
      .then(() => service.reconcile())
      .then((done) => {
        if (
          done.reconciled +
            done.committed +
            done.released +
            done.earned +
            done.refunded +
            done.reversed +
            done.loaded >
          0
        ) {
          log().info(done, "card tenders reconciled with head office");
        }
      })
      .catch((error: unknown) => {
        log().warn(
          { error: error instanceof Error ? error.message : String(error) },
          "card tenders: reconcile failed",
        );
      });
  }, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
