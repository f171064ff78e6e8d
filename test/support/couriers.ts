/**
 * Couriers for tests: head office's custom role `courier` (holding `deliver`) and users of it,
 * written into a store's database as the replication feed writes them; and a poll for the tests
 * that wait on them.
 */
import { Database } from "bun:sqlite";
import { join } from "node:path";

/** Adds the courier role (once) and a courier with a PIN; answers the user's id. */
export function addCourier(sqlite: Database, id: string, name: string, pin: string): string {
  const at = new Date().toISOString();
  const role = { id: "courier", name: "Courier", permissions: ["deliver"] };
  sqlite
    .query("INSERT OR IGNORE INTO roles (id, body, active, updated_at) VALUES (?, ?, 1, ?)")
    .run("courier", JSON.stringify(role), at);
  sqlite
    .query(
      "INSERT INTO users (id, name, role, pin_hash, pin_tag, created_at) VALUES (?, ?, 'courier', ?, ?, ?)",
    )
    .run(id, name, Bun.password.hashSync(pin), `pending:${id}`, at);
  return id;
}

/** Adds a courier to a running store's database (its `store.db`), as the feed from head office would. */
export function addCourierToStore(dataDir: string, id: string, name: string, pin: string): string {
  const db = new Database(join(dataDir, "store.db"));
  try {
    db.exec("PRAGMA busy_timeout = 5000");
    return addCourier(db, id, name, pin);
  } finally {
    db.close();
  }
}

/** Polls `probe` until it answers something (never sleeps for a fixed time to wait). */
export async function pollFor<T>(
  what: string,
  probe: () => T | undefined | false,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await Bun.sleep(20);
  }
}
