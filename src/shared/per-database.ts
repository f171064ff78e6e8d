/**
 * One value per open database, made on first use: statements prepared once per connection
 * (a prepared statement belongs to the connection that prepared it) and reused on every call.
 */
import type { Database } from "bun:sqlite";

export function perDatabase<T>(make: (sqlite: Database) => T): (sqlite: Database) => T {
  const made = new WeakMap<Database, T>();
  return (sqlite) => {
    let value = made.get(sqlite);
    if (value === undefined) {
      value = make(sqlite);
      made.set(sqlite, value);
    }
    return value;
  };
}
