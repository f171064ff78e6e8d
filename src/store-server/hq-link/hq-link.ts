/**
 * The store's link to head office's HTTP API for look-ups that only head office can answer:
 * another store's sale, with what was returned of it anywhere in the chain, and a transfer
 * from another store still in transit to this one, and the other sites' stock of a product. Configured with
 * `hqUrl` and `hqToken` (the store's own `store:<id>` token, answered when the store was
 * registered). Every answer is parsed with the contract's schema; a network failure, a timeout
 * or a 5xx is HQ_UNREACHABLE, a refused token HQ_REFUSED, both with what to do instead.
 */
import { type CallOutcome, call } from "../../api/client.ts";
import type { CodeClaimAnswer, CodeClaimInput } from "../../api/hq/promo-codes.ts";
import { hqRoutes } from "../../api/hq/routes.ts";
import type { HqStockAnswer, Transfer } from "../../api/hq/stock.ts";
import type { ChainSale } from "../../core/chain-sale.ts";
import { DomainError } from "../../core/errors.ts";
import { PromoCodeError } from "../../core/promotions/index.ts";

export class HqUnreachableError extends DomainError {
  readonly code = "HQ_UNREACHABLE";
  override readonly kind = "unavailable";
  constructor(what: string, reason: string) {
    super(
      `${what} needs head office, which is unreachable (${reason}); try again when the link is back, or take the goods back as a return without a receipt with a supervisor's approval`,
      { reason },
    );
  }
}

export class HqRefusedError extends DomainError {
  readonly code = "HQ_REFUSED";
  override readonly kind = "unavailable";
  constructor(what: string, status: number, message: string) {
    super(
      `${what}: head office refused the store's request (HTTP ${status}: ${message}); check the store's hqToken (its store token from head office)`,
      { status },
    );
  }
}

export interface HqLinkOptions {
  url: string;
  token: string;
  /** How long a look-up may take before head office counts as unreachable (default 5 s). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface HqLink {
  readonly url: string;
  /** A sale of any store by id or receipt number, or null when head office has none. */
  findSale(idOrReceiptNo: string, what: string, timeoutMs?: number): Promise<ChainSale | null>;
  /** A transfer from another store still in transit to `toStore`, or null when head office has none. */
  findTransfer(toStore: string, id: string, what: string): Promise<Transfer | null>;
  /** Each store's stock of a product, as head office keeps it. */
  stockAcrossSites(code: string, what: string, timeoutMs: number): Promise<HqStockAnswer>;
  /** The chain's stores head office has registered. */
  sites(what: string, timeoutMs: number): Promise<{ storeId: string; name: string }[]>;
  /** Counts a sale's uses of limited promo codes chain-wide; head office's refusal as PromoCodeError. */
  claimCodes(input: CodeClaimInput, timeoutMs: number): Promise<CodeClaimAnswer>;
  /** Frees a sale's code uses. */
  releaseCodes(saleId: string, timeoutMs: number): Promise<void>;
}

/** Why a call to head office got no usable answer, in a few words. */
export function unreachableReason(outcome: {
  kind: string;
  status?: number;
  error?: unknown;
  where?: string;
}): string {
  if (outcome.kind === "network")
    return outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
  if (outcome.kind === "failed") return `HTTP ${outcome.status}`;
  return `an answer this store cannot read (${outcome.where ?? outcome.kind})`;
}

const CODE_REFUSALS = new Set(Object.keys(PromoCodeError.kinds));

function reasonOf(err: unknown, timeoutMs: number): string {
  if (err instanceof DOMException && (err.name === "TimeoutError" || err.name === "AbortError")) {
    return `no answer within ${timeoutMs} ms`;
  }
  return err instanceof Error ? err.message : String(err);
}

export function createHqLink(options: HqLinkOptions): HqLink {
  const base = options.url.replace(/\/+$/, "");
  /** A look-up that did not answer: null for "none", else why head office could not answer. */
  const failed = (
    outcome: Exclude<CallOutcome<unknown>, { kind: "ok" }>,
    what: string,
    thing: string,
    timeoutMs: number,
  ): null => {
    switch (outcome.kind) {
      case "network":
        throw new HqUnreachableError(what, `${base}: ${reasonOf(outcome.error, timeoutMs)}`);
      case "not-json":
        throw new HqUnreachableError(what, `${base} answered ${thing} this store cannot read (not JSON)`);
      case "unreadable":
        throw new HqUnreachableError(
          what,
          `${base} answered ${thing} this store cannot read (${outcome.where})`,
        );
      case "failed":
        if (outcome.status === 404) return null;
        if (outcome.status === 401 || outcome.status === 403) {
          // A proxy in front of head office may refuse in its own words, not as JSON.
          const message = outcome.error?.message ?? outcome.text.slice(0, 200);
          throw new HqRefusedError(what, outcome.status, message);
        }
        throw new HqUnreachableError(what, `${base} answered HTTP ${outcome.status}`);
    }
  };
  const defaultTimeoutMs = options.timeoutMs ?? 5_000;
  const doFetch = options.fetch ?? fetch;
  return {
    url: base,
    async findSale(idOrReceiptNo, what, timeoutMs = defaultTimeoutMs) {
      const outcome = await call(
        { server: base, fetch: doFetch, token: options.token, timeoutMs },
        hqRoutes["GET /api/v1/sales/:id"],
        { params: { id: idOrReceiptNo } },
      );
      return outcome.kind === "ok" ? outcome.data : failed(outcome, what, "a sale", timeoutMs);
    },
    async findTransfer(toStore, id, what) {
      const outcome = await call(
        { server: base, fetch: doFetch, token: options.token, timeoutMs: defaultTimeoutMs },
        hqRoutes["GET /api/v1/transfers"],
        { query: { to: toStore, id } },
      );
      if (outcome.kind !== "ok") return failed(outcome, what, "transfers", defaultTimeoutMs);
      return outcome.data.transfers.find((t) => t.id === id) ?? null;
    },
    async stockAcrossSites(code, what, timeoutMs) {
      const outcome = await call(
        { server: base, fetch: doFetch, token: options.token, timeoutMs },
        hqRoutes["GET /api/v1/stock"],
        { query: { code } },
      );
      if (outcome.kind === "ok") return outcome.data;
      return failed(outcome, what, "stock", timeoutMs) ?? { code, sites: [] };
    },
    async sites(what, timeoutMs) {
      const outcome = await call(
        { server: base, fetch: doFetch, token: options.token, timeoutMs },
        hqRoutes["GET /api/v1/sites"],
        {},
      );
      if (outcome.kind === "ok") return outcome.data.sites;
      return failed(outcome, what, "the stores", timeoutMs) ?? [];
    },
    async claimCodes(input, timeoutMs) {
      const outcome = await call(
        { server: base, fetch: doFetch, token: options.token, timeoutMs },
        hqRoutes["POST /api/v1/promotions/claims"],
        { body: input },
      );
      if (outcome.kind === "ok") return outcome.data;
      const code = outcome.kind === "failed" ? outcome.error?.code : undefined;
      if (outcome.kind === "failed" && code !== undefined && CODE_REFUSALS.has(code)) {
        throw new PromoCodeError(
          code as keyof typeof PromoCodeError.kinds,
          outcome.error?.message ?? code,
          outcome.error?.details,
        );
      }
      failed(outcome, "claiming a promo code", "a claim", timeoutMs);
      throw new HqUnreachableError("claiming a promo code", `${base} answered HTTP 404`);
    },
    async releaseCodes(saleId, timeoutMs) {
      const outcome = await call(
        { server: base, fetch: doFetch, token: options.token, timeoutMs },
        hqRoutes["POST /api/v1/promotions/claims/:saleId/release"],
        { params: { saleId } },
      );
      if (outcome.kind !== "ok") failed(outcome, "releasing a promo code", "a release", timeoutMs);
    },
  };
}
