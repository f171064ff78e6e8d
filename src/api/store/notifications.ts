/** The `[notifications]` table of the store's config: where and how notifications are posted. */
import { z } from "zod";

export const notificationsConfigSchema = z
  .strictObject({
    /** Where notifications are posted (JSON, signed). */
    webhookUrl: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }),
    /** The shared secret of the signature; or `secretFile`, a file holding it. */
    secret: z.string().min(16, "must be at least 16 characters").max(512).optional(),
    secretFile: z.string().min(1).optional(),
    /** Attempts before a delivery is given up (and its content deleted). */
    maxAttempts: z.number().int().min(1).max(100).default(10),
    /** The pause after a failed attempt: doubles from retryMinMs up to retryMaxMs. */
    retryMinMs: z.number().int().min(100).max(86_400_000).default(5_000),
    retryMaxMs: z.number().int().min(100).max(86_400_000).default(3_600_000),
    /** How long an attempt may take before it counts as failed. */
    timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
  })
  .refine((c) => (c.secret === undefined) !== (c.secretFile === undefined), {
    message: "give the webhook's secret as secret or secretFile (one of them)",
    path: ["secret"],
  });

export type NotificationsConfigInput = z.infer<typeof notificationsConfigSchema>;

/** The configuration in use: the secret read. */
export type NotificationsConfig = Omit<NotificationsConfigInput, "secret" | "secretFile"> & {
  secret: string;
};
