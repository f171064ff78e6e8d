/**
 * Couriers for tests: head office's custom role `courier` (holding `deliver`) and users of it,
 * written into a store's database as the replication feed writes them.
 */
import type { Database } from "bun:sqlite";

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
