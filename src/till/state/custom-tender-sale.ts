/**
 * What a completed sale says of the shop's own tenders it was paid with: the tender types the
 * till settles with, the tenders' names (printed on the receipt) and whether one opens the drawer.
 */
import { customTenderTypes } from "../../core/custom-tenders.ts";
import { DEFAULT_TENDER_TYPES, type TenderType } from "../../core/tenders.ts";
import type { TillEnv } from "./types.ts";

/** The tender types the till takes: the built-in ones and the shop's own, as synced. */
export function tenderTypesAt(env: TillEnv): TenderType[] {
  return [...DEFAULT_TENDER_TYPES, ...customTenderTypes(env.customTenders ?? [])];
}

/** What the completed sale says of its custom tenders: their names (receipt) and the drawer. */
export function customTenderExtras(
  tenders: readonly { type: string }[],
  env: TillEnv,
): { tenderNames?: Record<string, string>; opensDrawer?: true } {
  const used = (env.customTenders ?? []).filter((c) => tenders.some((t) => t.type === c.id));
  if (used.length === 0) return {};
  return {
    tenderNames: Object.fromEntries(used.map((c) => [c.id, c.name])),
    ...(used.some((c) => c.opensDrawer === true) ? { opensDrawer: true as const } : {}),
  };
}
