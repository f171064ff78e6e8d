/** Opens (creating or migrating) head office's database and builds its context. */
import { drizzle } from "drizzle-orm/bun-sqlite";
import pkg from "../../package.json" with { type: "json" };
import { hqSchema } from "../../schema/hq.ts";
import { migrations } from "../../schema/migrations/hq/index.ts";
import { type OpenOptions, openDatabase } from "../shared/sqlite.ts";
import { noPublisher } from "./catalog/publisher.ts";
import type { HqContext } from "./context.ts";
import { hqDatabaseTarget } from "./db/database-url.ts";
import { postgresDialect, sqliteDialect } from "./db/dialect.ts";
import { openPostgresHq } from "./db/open-postgres.ts";
import { moveUsersToStoreEntries } from "./users/distribution.ts";
import { loadHqPinKey, retireLegacyHqPinSecret } from "./users/pins.ts";

export interface OpenHqOptions extends OpenOptions {
  now?: () => Date;
  log?: (line: string) => void;
  /** The tenant served (unset: the default tenant of the data directory). */
  tenant?: string;
  /** `sqlite:PATH` or `postgres://…` (`--database`); without it, hq.db under the data dir. */
  database?: string | undefined;
}

export function openHq(dataDir: string, options: OpenHqOptions = {}): HqContext {
  const target = hqDatabaseTarget(dataDir, options.database);
  const sqlite =
    target.kind === "postgres"
      ? openPostgresHq(target.url, { appVersion: pkg.version, onUpgrade: options.onUpgrade })
      : openDatabase(target.path, migrations, { appVersion: pkg.version, ...options });
  const db = drizzle({ client: sqlite, schema: hqSchema });
  const pinKey = loadHqPinKey(dataDir);
  retireLegacyHqPinSecret(db);
  const now = options.now ?? (() => new Date());
  moveUsersToStoreEntries(db, now());
  return {
    sqlite,
    db,
    dialect: target.kind === "postgres" ? postgresDialect : sqliteDialect,
    dataDir,
    pinKey,
    now,
    publisher: noPublisher,
    log: options.log ?? ((line) => console.log(line)),
    ...(options.tenant !== undefined ? { tenant: options.tenant } : {}),
    ...(options.database ? { database: options.database } : {}),
  };
}
