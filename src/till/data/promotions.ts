/**
 * The store's promotions as the till last synced them (`GET /promotions` and `GET /categories`,
 * kept whole in the till's meta table), compiled once, so the till prices a sale with the same
 * promotions the store would, offline too.
 */
import { z } from "zod";
import { categoryChains } from "../../core/catalog-stock-chains.ts";
import { type Message, readableMessages } from "../../core/messages/index.ts";
import { type Promotion, PromotionBook, promotionSchema } from "../../core/promotions/index.ts";
import type { MetaStore } from "./db.ts";

const storedSchema = z.object({
  promotions: z.array(z.unknown()),
  messages: z.array(z.unknown()).optional(),
  categories: z.array(z.object({ id: z.string(), parent: z.string().nullable() })),
});
type Stored = z.infer<typeof storedSchema>;

const KEY = "promotions";

/** The categories and messages as kept beside the promotions (to tell whether they changed). */
function restJson(
  categories: readonly { id: string; parent: string | null }[],
  messages: readonly unknown[],
): string {
  return JSON.stringify({ categories: categories.map((c) => ({ id: c.id, parent: c.parent })), messages });
}

/** The promotions of a store's answer this till can read (a newer kind it does not know is left out). */
function readable(list: readonly unknown[]): Promotion[] {
  return list.flatMap((p) => {
    // The store answers each with where it comes from and whether it is in force: not part of it.
    const {
      source: _source,
      active: _active,
      updatedAt: _updated,
      ...promotion
    } = typeof p === "object" && p !== null ? (p as Record<string, unknown>) : {};
    const parsed = promotionSchema.safeParse(promotion);
    return parsed.success ? [parsed.data] : [];
  });
}

export class LocalPromotions {
  private loaded: {
    book: PromotionBook;
    list: Promotion[];
    chains: Map<string, string[]>;
    messages: Message[];
    /** The categories and messages kept (restJson). */
    rest: string;
  } | null = null;

  constructor(private readonly meta: MetaStore) {}

  private load(): {
    book: PromotionBook;
    list: Promotion[];
    chains: Map<string, string[]>;
    messages: Message[];
    rest: string;
  } {
    if (this.loaded === null) {
      const raw = this.meta.get(KEY);
      const parsed = raw === null ? null : storedSchema.safeParse(JSON.parse(raw));
      const stored: Stored = parsed?.success ? parsed.data : { promotions: [], categories: [] };
      const list = readable(stored.promotions);
      this.loaded = {
        book: new PromotionBook(list),
        list,
        chains: categoryChains(stored.categories),
        messages: readableMessages(stored.messages ?? []),
        rest: restJson(stored.categories, stored.messages ?? []),
      };
    }
    return this.loaded;
  }

  book(): PromotionBook {
    return this.load().book;
  }

  /** The promotions the book is compiled from. */
  list(): readonly Promotion[] {
    return this.load().list;
  }

  /** The store's messages in force, as last synced. */
  messages(): Message[] {
    return this.load().messages;
  }

  /** A category and the ones above it. */
  categoriesOf(category: string | undefined): string[] {
    if (category === undefined) return [];
    return this.load().chains.get(category) ?? [category];
  }

  /** The version of the store's list kept (as the store answered it), or null. */
  version(): string | null {
    return this.meta.get("promotionsVersion");
  }

  /** Whether these categories and messages are the ones kept. */
  sameRest(
    categories: readonly { id: string; parent: string | null }[],
    messages: readonly unknown[],
  ): boolean {
    return this.load().rest === restJson(categories, messages);
  }

  /**
   * Keeps the store's promotions in force, its categories and messages, and the list's version
   * when the store gave one; answers whether they changed.
   */
  keep(
    promotions: readonly unknown[],
    categories: readonly { id: string; parent: string | null }[],
    messages: readonly unknown[] = [],
    version?: string,
  ): boolean {
    const json = JSON.stringify({
      promotions,
      categories: categories.map((c) => ({ id: c.id, parent: c.parent })),
      ...(messages.length === 0 ? {} : { messages }),
    });
    const changed = json !== this.meta.get(KEY);
    if (changed) {
      this.meta.set(KEY, json);
      this.loaded = null;
    }
    // Written after the list it names: a till never holds a version whose list it lacks.
    if (version !== undefined && version !== this.version()) this.meta.set("promotionsVersion", version);
    return changed;
  }
}
