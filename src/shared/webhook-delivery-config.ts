/**
 * The `[webhooks]` table of a server's config (the store's and head office's): how deliveries
 * are retried and how many are posted to one endpoint at once. Every key has a default.
 */
import { z } from "zod";
import { ConfigError, readTomlFile } from "./config.ts";

export const webhookDeliveryConfigSchema = z.strictObject({
  /** Attempts of one delivery before its endpoint is parked. */
  maxAttempts: z.number().int().min(1).max(100).default(12),
  /** The pause after a failed attempt: doubles from retryMinMs up to retryMaxMs. */
  retryMinMs: z.number().int().min(10).max(86_400_000).default(1_000),
  retryMaxMs: z.number().int().min(10).max(86_400_000).default(600_000),
  /** How long an attempt may take before it counts as failed. */
  timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
  /** Deliveries posted to one endpoint at once (their order is then not kept: see docs/orders.md). */
  concurrency: z.number().int().min(1).max(64).default(8),
});
export type WebhookDeliveryConfig = z.infer<typeof webhookDeliveryConfigSchema>;

/** The `[webhooks]` table of a config file (its defaults when it has none). */
export async function readWebhookDeliveryConfig(
  configPath: string | undefined,
): Promise<WebhookDeliveryConfig> {
  const table = configPath ? (await readTomlFile(configPath)).webhooks : undefined;
  const parsed = webhookDeliveryConfigSchema.safeParse(table ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `key "webhooks.${i.path.join(".")}" in ${configPath}: ${i.message}`,
    );
    throw new ConfigError(`invalid [webhooks] settings:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}
