/**
 * A version of the promotions list as answered, so that a till asking again with the version it
 * holds is told "unchanged" instead of reading thousands of promotions it already has. The
 * version is a digest of the list as it would be sent: whatever changes the answer (a promotion
 * defined, ended or reaching its end date) changes it.
 */
import type { StoredPromotion, StorePromotionsAnswer } from "../../api/store/promotions.ts";
import { nativeSha256Hex } from "../../shared/sha256-native.ts";

export function listedSince(promotions: StoredPromotion[], since: string | undefined): StorePromotionsAnswer {
  const version = nativeSha256Hex(JSON.stringify(promotions)).slice(0, 32);
  return since === version ? { promotions: [], version, unchanged: true } : { promotions, version };
}
