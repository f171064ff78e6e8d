/**
 * The store's calls to head office's account server: authorise, commit and release a
 * redemption, send an offline redemption, record a sale's earning. A refusal comes back as the
 * card tender's error with head office's code; no answer (network, timeout, 5xx) is
 * HQ_UNREACHABLE, which the caller may answer within the offline allowance.
 */
import { type CallInput, type CallOutcome, call } from "../../api/client.ts";
import type { EarnInput, RedemptionInput } from "../../api/hq/accounts.ts";
import type { CardRefundInput } from "../../api/hq/card-refunds.ts";
import type { EarningReversalInput } from "../../api/hq/earning-reversals.ts";
import type { GiftCardLoadInput } from "../../api/hq/gift-card-loads.ts";
import type { OfflineRedemptionInput } from "../../api/hq/offline-redemptions.ts";
import { hqRoutes } from "../../api/hq/routes.ts";
import type { AnswerOf, Route } from "../../api/route.ts";
import { HqUnreachableError, unreachableReason } from "../hq-link/hq-link.ts";
import { CardTenderError, type CardTenderErrorCode, PASSED_ON_CODES } from "./errors.ts";

export interface AccountsLinkConfig {
  url: string;
  token: string;
  /** How long head office may take before the store counts it unreachable. */
  timeoutMs: number;
  fetch?: typeof fetch;
}

/** A refusal from head office that is final (a 4xx): the request will never succeed as it is. */
export class HqRefusal extends CardTenderError {}

async function send<R extends Route>(
  config: AccountsLinkConfig,
  route: R,
  input: CallInput<R>,
  what: string,
): Promise<AnswerOf<R>> {
  const outcome: CallOutcome<AnswerOf<R>> = await call(
    {
      server: config.url,
      token: config.token,
      timeoutMs: config.timeoutMs,
      ...(config.fetch ? { fetch: config.fetch } : {}),
    },
    route,
    input,
  );
  if (outcome.kind === "ok") return outcome.data;
  if (outcome.kind === "failed" && outcome.status >= 400 && outcome.status < 500) {
    const code = outcome.error?.code ?? "";
    const message = outcome.error?.message ?? outcome.text.slice(0, 200);
    if (PASSED_ON_CODES.has(code)) {
      throw new HqRefusal(code as CardTenderErrorCode, `${what}: ${message}`, outcome.error?.details);
    }
    throw new HqRefusal(
      "HQ_REFUSED",
      `${what}: head office refused (HTTP ${outcome.status} ${code}: ${message})`,
      {
        status: outcome.status,
        code,
      },
    );
  }
  throw new HqUnreachableError(what, unreachableReason(outcome));
}

export function accountsLink(config: AccountsLinkConfig) {
  return {
    authorise: (body: RedemptionInput) =>
      send(
        config,
        hqRoutes["POST /api/v1/accounts/redemptions"],
        { body },
        `redeeming from card ${body.card}`,
      ),
    commit: (id: string) =>
      send(
        config,
        hqRoutes["POST /api/v1/accounts/redemptions/:id/commit"],
        { params: { id } },
        `committing ${id}`,
      ),
    release: (id: string) =>
      send(
        config,
        hqRoutes["POST /api/v1/accounts/redemptions/:id/release"],
        { params: { id } },
        `releasing ${id}`,
      ),
    offline: (body: OfflineRedemptionInput) =>
      send(
        config,
        hqRoutes["POST /api/v1/accounts/offline-redemptions"],
        { body },
        `reconciling offline redemption ${body.id}`,
      ),
    issue: (body: { number: string; kind: "loyalty" | "gift"; customerId?: string; storeId: string }) =>
      send(config, hqRoutes["POST /api/v1/cards"], { body }, `issuing card ${body.number}`),
    block: (number: string) =>
      send(
        config,
        hqRoutes["POST /api/v1/cards/:number/block"],
        { params: { number } },
        `blocking card ${number}`,
      ),
    refund: (body: CardRefundInput) =>
      send(
        config,
        hqRoutes["POST /api/v1/accounts/refunds"],
        { body },
        `refunding ${body.id} to card ${body.card}`,
      ),
    reverseEarning: (body: EarningReversalInput) =>
      send(
        config,
        hqRoutes["POST /api/v1/accounts/earning-reversals"],
        { body },
        `taking back points for return ${body.returnId}`,
      ),
    card: (number: string) =>
      send(config, hqRoutes["GET /api/v1/cards/:number"], { params: { number } }, `reading card ${number}`),
    createCustomer: (body: { id: string; name: string; phone?: string; email?: string }) =>
      send(config, hqRoutes["POST /api/v1/customers"], { body }, `creating customer ${body.id}`),
    loadGiftCard: (body: GiftCardLoadInput) =>
      send(
        config,
        hqRoutes["POST /api/v1/accounts/gift-card-loads"],
        { body },
        `loading gift card ${body.card} for ${body.id}`,
      ),
    earn: (body: EarnInput) =>
      send(config, hqRoutes["POST /api/v1/accounts/earnings"], { body }, `earning for sale ${body.saleId}`),
  };
}

export type AccountsLink = ReturnType<typeof accountsLink>;
