/**
 * Store templates: what a new store starts with, checked once when the template is made (its
 * settings by the store settings schema, its products, users and source store by reference),
 * and applied when a store is opened from it: registered as `POST /stores` registers it (its
 * credentials answered once), then its settings, its own prices and its users' access. Every
 * reference is checked again before anything is written, so a refused opening changes nothing.
 * Nothing here knows HTTP.
 */
import { asc, eq, inArray } from "drizzle-orm";
import { hqProducts, hqUsers, storePrices, stores, storeTemplates } from "../../../schema/hq.ts";
import {
  type StoreFromTemplateAnswer,
  type StoreFromTemplateInput,
  type StoreTemplate,
  type StoreTemplateInput,
  storeTemplateSchema,
} from "../../api/hq/store-templates.ts";
import { storeSettingsSchema } from "../../core/settings.ts";
import { PriceService } from "../catalog/prices.ts";
import type { HqContext, HqDb } from "../context.ts";
import { StoreExistsError, UnknownStoreError } from "../errors.ts";
import { StoresService } from "../stores/service.ts";
import { storeIdsOf } from "../users/distribution.ts";
import { UsersService } from "../users/service.ts";
import { StoreTemplateError } from "./errors.ts";

type Price = { code: string; priceMinor: number };

function rowToTemplate(row: typeof storeTemplates.$inferSelect): StoreTemplate {
  return storeTemplateSchema.parse(JSON.parse(row.body));
}

export class StoreTemplatesService {
  private readonly stores: StoresService;

  constructor(private readonly ctx: HqContext) {
    this.stores = new StoresService(ctx);
  }

  list(): StoreTemplate[] {
    return this.ctx.db.select().from(storeTemplates).orderBy(asc(storeTemplates.id)).all().map(rowToTemplate);
  }

  get(id: string): StoreTemplate {
    const row = this.ctx.db.select().from(storeTemplates).where(eq(storeTemplates.id, id)).get();
    if (!row) {
      throw new StoreTemplateError(
        "STORE_TEMPLATE_NOT_FOUND",
        `no store template "${id}": make it with POST /api/v1/store-templates first`,
        { id },
      );
    }
    return rowToTemplate(row);
  }

  /** Keeps a template after checking what it refers to; an id in use is refused. */
  create(input: StoreTemplateInput): StoreTemplate {
    const settings = storeSettingsSchema.parse({
      ...input.settings,
      ...(input.taxClasses ? { taxClasses: input.taxClasses } : {}),
    });
    const template: StoreTemplate = {
      id: input.id,
      name: input.name,
      settings,
      departments: input.departments ?? [],
      priceList: input.priceList ?? null,
      users: [...new Set(input.users ?? [])],
      devices: input.devices ?? {},
      createdAt: this.ctx.now().toISOString(),
    };
    this.ctx.db.transaction((tx) => {
      if (
        tx.select({ id: storeTemplates.id }).from(storeTemplates).where(eq(storeTemplates.id, input.id)).get()
      ) {
        throw new StoreTemplateError("STORE_TEMPLATE_EXISTS", `store template "${input.id}" exists already`, {
          id: input.id,
        });
      }
      checkReferences(tx, template);
      tx.insert(storeTemplates)
        .values({
          id: template.id,
          name: template.name,
          body: JSON.stringify(template),
          createdAt: template.createdAt,
        })
        .run();
    });
    this.ctx.log(`hq: store template ${template.id} made`);
    return template;
  }

  /** A template of an existing store: its settings, its own prices (as they are then) and its users. */
  fromStore(storeId: string, id: string, name: string): StoreTemplate {
    const settings = this.stores.settings(storeId) ?? storeSettingsSchema.parse({});
    const users = this.ctx.db
      .select()
      .from(hqUsers)
      .orderBy(asc(hqUsers.name))
      .all()
      .filter((u) => storeIdsOf(u)?.includes(storeId))
      .map((u) => u.id);
    return this.create({ id, name, settings, priceList: { fromStore: storeId }, users });
  }

  /** Opens a store from a template; its credentials are in the answer and nowhere else. */
  async openStore(templateId: string, input: StoreFromTemplateInput): Promise<StoreFromTemplateAnswer> {
    const template = this.get(templateId);
    if (isRegistered(this.ctx.db, input.storeId)) throw new StoreExistsError(input.storeId);
    checkReferences(this.ctx.db, template);
    const prices = priceListOf(this.ctx.db, template);
    const name = input.name ?? template.settings.storeName;
    const settings = { ...template.settings, storeName: name };
    const { credentials } = this.stores.register({
      storeId: input.storeId,
      name,
      timeZone: settings.timeZone,
      currency: settings.currency,
    });
    this.stores.setSettings(input.storeId, settings);
    const priceService = new PriceService(this.ctx);
    for (const p of prices)
      priceService.set({ code: p.code, priceMinor: p.priceMinor, storeId: input.storeId });
    await this.giveAccess(template.users, input.storeId);
    this.ctx.log(`hq: opened store ${input.storeId} from template ${template.id}`);
    return {
      store: this.stores.get(input.storeId),
      credentials,
      template: template.id,
      settings,
      departments: template.departments,
      devices: template.devices,
      prices: prices.length,
      users: template.users,
    };
  }

  private async giveAccess(userIds: readonly string[], storeId: string): Promise<void> {
    if (userIds.length === 0) return;
    const users = new UsersService(this.ctx);
    const rows = this.ctx.db
      .select()
      .from(hqUsers)
      .where(inArray(hqUsers.id, [...userIds]))
      .all();
    for (const row of rows) {
      const at = storeIdsOf(row);
      if (at === null || at.includes(storeId)) continue; // works at every store already
      await users.update(row.id, { storeIds: [...at, storeId] });
    }
  }
}

function isRegistered(db: Pick<HqDb, "select">, storeId: string): boolean {
  return (
    db.select({ id: stores.storeId }).from(stores).where(eq(stores.storeId, storeId)).get() !== undefined
  );
}

/** Refuses a template whose products, users or source store head office does not know. */
function checkReferences(db: Pick<HqDb, "select">, template: StoreTemplate): void {
  if (template.users.length > 0) {
    const known = new Set(
      db
        .select({ id: hqUsers.id })
        .from(hqUsers)
        .where(inArray(hqUsers.id, template.users))
        .all()
        .map((u) => u.id),
    );
    const missing = template.users.filter((u) => !known.has(u));
    if (missing.length > 0) {
      throw new StoreTemplateError("TEMPLATE_UNKNOWN_USER", `no head office user ${missing.join(", ")}`, {
        users: missing,
      });
    }
  }
  const list = template.priceList;
  if (list === null) return;
  if ("fromStore" in list) {
    if (!isRegistered(db, list.fromStore)) {
      throw new StoreTemplateError(
        "TEMPLATE_UNKNOWN_STORE",
        `priceList.fromStore: no store "${list.fromStore}" is registered`,
        { storeId: list.fromStore },
      );
    }
    return;
  }
  const codes = [...new Set(list.prices.map((p) => p.code))];
  const known = new Set<string>();
  for (let i = 0; i < codes.length; i += 500) {
    for (const r of db
      .select({ code: hqProducts.code })
      .from(hqProducts)
      .where(inArray(hqProducts.code, codes.slice(i, i + 500)))
      .all())
      known.add(r.code);
  }
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length > 0) {
    throw new StoreTemplateError(
      "TEMPLATE_UNKNOWN_PRODUCT",
      `priceList: no product ${unknown.slice(0, 10).join(", ")}${unknown.length > 10 ? ` and ${unknown.length - 10} more` : ""}: add them with POST /api/v1/products first`,
      { codes: unknown },
    );
  }
  const over = list.prices.filter((p) => p.priceMinor > template.settings.maxPriceMinor);
  if (over.length > 0) {
    throw new StoreTemplateError(
      "TEMPLATE_PRICE_OVER_LIMIT",
      `priceList: ${over.map((p) => `${p.code} (${p.priceMinor})`).join(", ")} over the template's maxPriceMinor ${template.settings.maxPriceMinor}`,
      { codes: over.map((p) => p.code) },
    );
  }
}

/** The prices a store opened from the template gets: listed, or the source store's own now. */
function priceListOf(db: HqDb, template: StoreTemplate): Price[] {
  const list = template.priceList;
  if (list === null) return [];
  if ("prices" in list) return list.prices;
  if (!isRegistered(db, list.fromStore)) throw new UnknownStoreError(list.fromStore);
  return db
    .select({ code: storePrices.code, priceMinor: storePrices.priceMinor })
    .from(storePrices)
    .where(eq(storePrices.storeId, list.fromStore))
    .orderBy(asc(storePrices.code))
    .all()
    .filter((p) => p.priceMinor <= template.settings.maxPriceMinor);
}
