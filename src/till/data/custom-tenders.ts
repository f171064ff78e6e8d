/**
 * The shop's own tenders as the till last synced them (`GET /tenders?all=true`, a short list kept
 * whole in the till's meta table): offered in payment while in force, and named on receipts.
 */
import { z } from "zod";
import { type CustomTender, customTenderSchema } from "../../core/custom-tenders.ts";
import type { MetaStore } from "./db.ts";

const KEY = "customTenders";
const storedSchema = z.array(customTenderSchema);

export class LocalCustomTenders {
  private list: CustomTender[] | null = null;

  constructor(private readonly meta: MetaStore) {}

  all(): CustomTender[] {
    if (this.list === null) {
      const raw = this.meta.get(KEY);
      const parsed = raw === null ? null : storedSchema.safeParse(JSON.parse(raw));
      this.list = parsed?.success ? parsed.data : [];
    }
    return this.list;
  }

  /** Keeps the store's list (those this till cannot read are left out); answers whether it changed. */
  keep(tenders: readonly unknown[]): boolean {
    const readable = tenders.flatMap((t) => {
      const parsed = customTenderSchema.safeParse(t);
      return parsed.success ? [parsed.data] : [];
    });
    const json = JSON.stringify(readable);
    if (json === this.meta.get(KEY)) return false;
    this.meta.set(KEY, json);
    this.list = readable;
    return true;
  }
}
