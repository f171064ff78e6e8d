/**
 * Shapes of head office's store templates (`/store-templates`) and of the pairing bundle a store
 * opened from one is set up from: one zod schema each, types inferred.
 */
import { z } from "zod";
import { storeIdSchema } from "../../core/ids.ts";
import { productCodeSchema } from "../../core/product-input.ts";
import { storeSettingsSchema, taxClassSchema } from "../../core/settings.ts";
import { departmentInputSchema } from "../store/catalog.ts";
import { storeCredentialsAnswerSchema, storeStatusAnswerSchema } from "./answers.ts";
import {
  type StoreCredentials,
  type StoreStatus,
  storeInputSchema,
  storeSettingsInputSchema,
} from "./stores.ts";

export const templateIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, "a template id is 1–40 letters, digits, _ or -");

const templateName = z.string().trim().min(1, "must not be empty").max(60, "must be at most 60 characters");
const deviceUri = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");

/** The devices of a store opened from the template, as its tills' options name them (docs/devices.md). */
export const templateDevicesSchema = z.strictObject({
  printer: deviceUri.optional(),
  scanner: deviceUri.optional(),
  drawer: deviceUri.optional(),
  scale: deviceUri.optional(),
  display: deviceUri.optional(),
});

/** A department of the new store, as the store's `POST /departments` takes it (with its name). */
export const templateDepartmentSchema = departmentInputSchema.extend({
  name: z.string().trim().min(1).max(40),
});

/** The store's own prices: listed, or those of an existing store as they are when a store is opened. */
export const templatePriceListSchema = z.union([
  z.strictObject({
    prices: z
      .array(z.strictObject({ code: productCodeSchema, priceMinor: z.number().int().min(0) }))
      .max(100_000),
  }),
  z.strictObject({ fromStore: storeIdSchema }),
]);

/** `POST /store-templates`: settings are checked by the schema of `PUT /stores/:id/settings`. */
export const storeTemplateInputSchema = z.strictObject({
  id: templateIdSchema,
  name: templateName,
  settings: storeSettingsInputSchema.default(storeSettingsSchema.parse({})),
  /** Replace the settings' tax classes. */
  taxClasses: z.array(taxClassSchema).max(100).optional(),
  departments: z.array(templateDepartmentSchema).max(1_000).optional(),
  priceList: templatePriceListSchema.optional(),
  /** Head office users given access to every store opened from the template. */
  users: z.array(z.string().min(1).max(64)).max(500).optional(),
  devices: templateDevicesSchema.optional(),
});
export type StoreTemplateInput = z.infer<typeof storeTemplateInputSchema>;

/** A template as kept and answered: tax classes folded into its settings. */
export const storeTemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  settings: storeSettingsSchema,
  departments: z.array(templateDepartmentSchema),
  priceList: templatePriceListSchema.nullable(),
  users: z.array(z.string()),
  devices: templateDevicesSchema,
  createdAt: z.string(),
});
export type StoreTemplate = z.infer<typeof storeTemplateSchema>;

export const storeTemplatesAnswerSchema = z.object({ templates: z.array(storeTemplateSchema) });
export const storeTemplateParamsSchema = z.object({ id: templateIdSchema });

/** `POST /store-templates/from-store/:storeId`: the new template's id and name. */
export const templateFromStoreInputSchema = z.strictObject({ id: templateIdSchema, name: templateName });

/** `POST /store-templates/:id/stores`: the store to open (its name defaults to the template's store name). */
export const storeFromTemplateInputSchema = z.strictObject({
  storeId: storeIdSchema,
  name: storeInputSchema.shape.name.optional(),
});
export type StoreFromTemplateInput = z.infer<typeof storeFromTemplateInputSchema>;

/** What opening a store from a template answers: its credentials (shown once) and what it got. */
export const storeFromTemplateAnswerSchema = z.object({
  store: storeStatusAnswerSchema,
  credentials: storeCredentialsAnswerSchema,
  template: z.string(),
  settings: storeSettingsSchema,
  departments: z.array(templateDepartmentSchema),
  devices: templateDevicesSchema,
  prices: z.number().int(),
  users: z.array(z.string()),
});
export type StoreFromTemplateAnswer = Omit<
  z.infer<typeof storeFromTemplateAnswerSchema>,
  "store" | "credentials"
> & { store: StoreStatus; credentials: StoreCredentials };
