/**
 * `ringup kds`: the kitchen display of one station, fullscreen in the terminal. `--pair CODE`
 * exchanges a manager's one-time code for the display's own device token (kept in its data
 * directory, mode 0600) and exits; afterwards the display runs with that token (or `--token`).
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { errorBodySchema } from "../api/error-body.ts";
import { pairAnswerSchema } from "../api/store/answers.ts";
import type { CliIo } from "../shared/cli-io.ts";
import { ConfigError } from "../shared/config.ts";
import { KDS_MESSAGES } from "./i18n.ts";
import type { KdsOptions } from "./options.ts";
import { KdsSync } from "./sync.ts";
import { mountKds } from "./ui.tsx";

function tokenFile(dataDir: string): string {
  return join(dataDir, "kds-token");
}

async function pair(options: KdsOptions, code: string, io: CliIo): Promise<void> {
  if (options.deviceId === undefined) {
    throw new ConfigError("--pair needs --device-id: the id the pairing code was made for");
  }
  const res = await fetch(`${options.server.replace(/\/$/, "")}/api/v1/tills/pair`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ code, tillId: options.deviceId }),
    signal: AbortSignal.timeout(10_000),
  });
  const body: unknown = await res.json();
  if (!res.ok) {
    const refused = errorBodySchema.safeParse(body);
    throw new ConfigError(
      `the store refused the pairing: ${refused.success ? refused.data.error.message : `HTTP ${res.status}`}`,
    );
  }
  const paired = pairAnswerSchema.parse(body);
  mkdirSync(options.data, { recursive: true });
  writeFileSync(tokenFile(options.data), paired.token, { mode: 0o600 });
  chmodSync(tokenFile(options.data), 0o600);
  io.out(
    `kds: paired as ${paired.tillId} with store ${paired.storeId}; its token is kept in ${tokenFile(options.data)}`,
  );
}

export async function runKds(options: KdsOptions, io: CliIo): Promise<void> {
  if (options.pair !== undefined) {
    await pair(options, options.pair, io);
    return;
  }
  const kept = tokenFile(options.data);
  const token = options.token ?? (existsSync(kept) ? readFileSync(kept, "utf8").trim() : undefined);
  if (token === undefined) {
    throw new ConfigError(
      "no token: pair this display first (--pair CODE --device-id ID, with a code from 'ringup admin till pair'), or pass --token",
    );
  }
  const sync = new KdsSync({
    server: options.server,
    station: options.station,
    token,
    dataDir: options.data,
  });
  const instance = mountKds(sync, KDS_MESSAGES[options.lang]);
  sync.start();
  const stop = () => instance.unmount();
  process.on("SIGTERM", stop);
  process.on("SIGHUP", stop);
  await instance.waitUntilExit();
  sync.stop();
}
