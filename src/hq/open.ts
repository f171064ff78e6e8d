/** Opens (creating or migrating) head office's database and builds its context. */
import { join } from "node:path";
import { drizzle } from "drizzle-orm/bun-sqlite";
import { hqSchema } from "../../schema/hq.ts";
import { migrations } from "../../schema/migrations/hq/index.ts";
import { type OpenOptions, openDatabase } from "../shared/sqlite.ts";
import { noPublisher } from "./catalog/publisher.ts";
import type { HqContext } from "./context.ts";

export interface OpenHqOptions extends OpenOptions {
  now?: () => Date;
  log?: (line: string) => void;
}

export function openHq(dataDir: string, options: OpenHqOptions = {}): HqContext {
  const sqlite = openDatabase(join(dataDir, "hq.db"), migrations, options);
  const db = drizzle({ client: sqlite, schema: hqSchema });
  return {
    sqlite,
    db,
    dataDir,
    now: options.now ?? (() => new Date()),
    publisher: noPublisher,
    log: options.log ?? ((line) => console.log(line)),
  };
}
