/** Reads `[notifications]` from a server's TOML (store or head office): kept out of the settings tills fetch (it holds a secret). */

import { type NotificationsConfig, notificationsConfigSchema } from "../api/store/notifications.ts";
import { ConfigError } from "./config.ts";
import { readSecretFile } from "./secrets.ts";

export function notificationsConfigOf(
  table: unknown,
  configPath: string,
  warn: (line: string) => void,
): NotificationsConfig | undefined {
  if (table === undefined) return undefined;
  const parsed = notificationsConfigSchema.safeParse(table);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `key "notifications.${i.path.join(".")}" in ${configPath}: ${i.message}`,
    );
    throw new ConfigError(`invalid store settings:\n  ${problems.join("\n  ")}`);
  }
  const { secret, secretFile, ...rest } = parsed.data;
  const resolved = secret ?? readSecretFile(secretFile ?? "", "notifications.secretFile", warn);
  if (resolved.length < 16) {
    throw new ConfigError(`the webhook secret in ${secretFile} must be at least 16 characters`);
  }
  return { ...rest, secret: resolved };
}
