/**
 * The `[webhooks]` and `[orders]` tables of the store's config: how the web shop's webhooks are
 * retried, and whether an order may reserve more than is available. They are read apart from
 * the settings tills fetch; every key has a default.
 */
import { z } from "zod";
import { ConfigError, readTomlFile } from "../../shared/config.ts";
import {
  type WebhookDeliveryConfig,
  webhookDeliveryConfigSchema,
} from "../../shared/webhook-delivery-config.ts";

export { type WebhookDeliveryConfig, webhookDeliveryConfigSchema };

export const ordersConfigSchema = z.strictObject({
  /** An order may reserve more than is available (available stock then goes below zero). */
  allowOverReservation: z.boolean().default(false),
});
export type OrdersConfig = z.infer<typeof ordersConfigSchema>;

function tableOf<T extends z.ZodType>(
  schema: T,
  name: string,
  table: unknown,
  configPath: string,
): z.infer<T> {
  const parsed = schema.safeParse(table ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `key "${name}.${i.path.join(".")}" in ${configPath}: ${i.message}`,
    );
    throw new ConfigError(`invalid store settings:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}

/** Both tables from the store's config file (their defaults without one). */
export async function readShopConfig(
  configPath: string | undefined,
): Promise<{ webhooks: WebhookDeliveryConfig; orders: OrdersConfig }> {
  const file = configPath ? await readTomlFile(configPath) : {};
  const path = configPath ?? "(no config)";
  return {
    webhooks: tableOf(webhookDeliveryConfigSchema, "webhooks", file.webhooks, path),
    orders: tableOf(ordersConfigSchema, "orders", file.orders, path),
  };
}
