/**
 * The store's calls to head office about its own journal: HQ's copy of its events (to compare
 * with and to recover from) and reporting a divergence. With the store's `hqUrl` and its
 * `store:<id>` token; answers are parsed with the contract's schemas.
 */
import { call } from "../../api/client.ts";
import { hqRoutes } from "../../api/hq/routes.ts";
import type { Divergence, StoreEventsAnswer } from "../../api/hq/store-journal.ts";
import { HqRefusedError, HqUnreachableError, unreachableReason } from "./hq-link.ts";

export interface JournalLinkOptions {
  url: string;
  token: string;
  storeId: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface JournalLink {
  readonly url: string;
  /** HQ's applied pointer for this store and up to `limit` of its events after `after`. */
  events(after: number, limit: number): Promise<StoreEventsAnswer>;
  /** Tells HQ this store's journal diverged (or, with null, matches again). */
  reportDivergence(diverged: Divergence | null): Promise<void>;
}

export function createJournalLink(options: JournalLinkOptions): JournalLink {
  const base = options.url.replace(/\/+$/, "");
  const transport = {
    server: base,
    token: options.token,
    timeoutMs: options.timeoutMs ?? 15_000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  const what = "comparing the journal with head office's copy";
  const fail = (outcome: { kind: string; status?: number; error?: unknown; where?: string }): never => {
    if (outcome.kind === "failed" && (outcome.status === 401 || outcome.status === 403)) {
      throw new HqRefusedError(what, outcome.status, "the store's token is not accepted");
    }
    throw new HqUnreachableError(what, `${base}: ${unreachableReason(outcome)}`);
  };
  return {
    url: base,
    async events(after, limit) {
      const outcome = await call(transport, hqRoutes["GET /api/v1/stores/:id/events"], {
        params: { id: options.storeId },
        query: { after, limit },
      });
      if (outcome.kind === "ok") return outcome.data;
      return fail(outcome);
    },
    async reportDivergence(diverged) {
      const outcome = await call(transport, hqRoutes["PUT /api/v1/stores/:id/divergence"], {
        params: { id: options.storeId },
        body: { diverged },
      });
      if (outcome.kind !== "ok") fail(outcome);
    },
  };
}
