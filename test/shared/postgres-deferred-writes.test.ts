/**
 * Writes sent without waiting: inside `deferringWrites` and a transaction, a statement run for
 * its effect alone is handed to the connection and the caller goes on; the next read, a
 * savepoint's end or COMMIT waits for them all, and the first that failed is reported there
 * with the whole (sub)transaction rolled back.
 */
import { Database } from "bun:sqlite";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "bun:test";
import { PgDatabase, PostgresError } from "../../src/shared/postgres/database.ts";
import { deferringWrites, isDeferredWriteFailure } from "../../src/shared/postgres/deferred.ts";
import { plainInsert } from "../../src/shared/postgres/insert-rows.ts";
import { testPostgres } from "../support/postgres.ts";

const pg = testPostgres();
let db: PgDatabase;
let drop: () => void;

beforeAll(() => {
  const created = pg.createDatabase();
  drop = created.drop;
  db = new PgDatabase(created.url, { statementTimeoutMs: 5000 });
  db.exec("CREATE TABLE things (id bigint PRIMARY KEY, code text NOT NULL UNIQUE)");
  db.exec("CREATE TABLE tallies (code text PRIMARY KEY, n bigint NOT NULL)");
}, 60_000);

afterAll(() => {
  db?.close();
  drop?.();
  pg.stop();
});

beforeEach(() => {
  db.exec("DELETE FROM things; DELETE FROM tallies");
});

/** Counts the statements handed to the connection while fn runs. */
function sent(fn: () => void): number {
  const proto = PgDatabase.prototype as unknown as { post: (...args: unknown[]) => unknown };
  const original = proto.post;
  let n = 0;
  proto.post = function (this: unknown, ...args: unknown[]) {
    n++;
    return original.apply(this, args);
  };
  try {
    fn();
  } finally {
    proto.post = original;
  }
  return n;
}

const codes = () =>
  db
    .query<{ code: string }, []>("SELECT code FROM things ORDER BY id")
    .all()
    .map((r) => r.code);

describe("writes deferred in a transaction", () => {
  test("a write is not waited for; the next read waits and sees it; changes are counted on demand", () => {
    const add = db.prepare("INSERT INTO things (id, code) VALUES (?, ?) ON CONFLICT DO NOTHING");
    const slow = db.prepare("SELECT pg_sleep(0.6)");
    deferringWrites(db, () =>
      db.transaction(() => {
        const t0 = performance.now();
        slow.run();
        add.run(1, "A");
        const again = add.run(2, "A");
        expect(performance.now() - t0).toBeLessThan(400);
        expect(again.changes).toBe(0);
        expect(performance.now() - t0).toBeGreaterThanOrEqual(550);
        add.run(3, "B");
        expect(codes()).toEqual(["A", "B"]);
      })(),
    );
    expect(codes()).toEqual(["A", "B"]);
  });

  test("a failed write is reported at the next read, marked deferred, and nothing of its transaction is kept", () => {
    const add = db.prepare("INSERT INTO things (id, code) VALUES (?, ?)");
    let caught: unknown;
    expect(() =>
      deferringWrites(db, () =>
        db.transaction(() => {
          add.run(1, "A");
          add.run(2, "A");
          add.run(3, "C");
          try {
            db.query("SELECT count(*) AS n FROM things").get();
          } catch (err) {
            caught = err;
            throw err;
          }
        })(),
      ),
    ).toThrow(/UNIQUE constraint failed/);
    expect(caught).toBeInstanceOf(PostgresError);
    expect((caught as PostgresError).code).toBe("SQLITE_CONSTRAINT_UNIQUE");
    expect(isDeferredWriteFailure(caught)).toBe(true);
    expect(codes()).toEqual([]);
    // The connection goes on as before.
    add.run(4, "D");
    expect(codes()).toEqual(["D"]);
  });

  test("a failed write found at COMMIT is thrown by the transaction, which committed nothing", () => {
    const add = db.prepare("INSERT INTO things (id, code) VALUES (?, ?)");
    let caught: unknown;
    try {
      deferringWrites(db, () =>
        db.transaction(() => {
          add.run(1, "A");
          add.run(1, "B");
        })(),
      );
    } catch (err) {
      caught = err;
    }
    expect(isDeferredWriteFailure(caught)).toBe(true);
    expect((caught as PostgresError).code).toBe("SQLITE_CONSTRAINT_UNIQUE");
    expect(codes()).toEqual([]);
  });

  test("a savepoint's failed write rolls back to the savepoint only; the outer transaction commits", () => {
    const add = db.prepare("INSERT INTO things (id, code) VALUES (?, ?)");
    deferringWrites(db, () =>
      db.transaction(() => {
        add.run(1, "A");
        expect(() =>
          db.transaction(() => {
            add.run(2, "B");
            add.run(3, "A");
          })(),
        ).toThrow(/UNIQUE constraint failed/);
        add.run(4, "D");
      })(),
    );
    expect(codes()).toEqual(["A", "D"]);
  });

  test("outside a transaction, or outside the scope, a write is waited for and fails where it runs", () => {
    const add = db.prepare("INSERT INTO things (id, code) VALUES (?, ?)");
    add.run(1, "A");
    expect(() => deferringWrites(db, () => add.run(2, "A"))).toThrow(/UNIQUE constraint failed/);
    let failedAt: string | null = null;
    expect(() =>
      db.transaction(() => {
        try {
          add.run(3, "A");
        } catch {
          failedAt = "run";
        }
      })(),
    ).toThrow(/rolled back/);
    expect(failedAt === "run").toBe(true);
    expect(codes()).toEqual(["A"]);
  });

  test("on SQLite the scope just runs its function", () => {
    const sqlite = new Database(":memory:");
    sqlite.exec("CREATE TABLE things (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE)");
    const add = sqlite.prepare("INSERT INTO things (id, code) VALUES (?, ?)");
    expect(deferringWrites(sqlite, () => sqlite.transaction(() => add.run(1, "A").changes)())).toBe(1);
    expect(() => deferringWrites(sqlite, () => add.run(2, "A"))).toThrow(/UNIQUE constraint failed/);
    sqlite.close();
  });

  test("plain inserts are held back and sent as COPYs of many rows, before anything naming their table", () => {
    const add = db.prepare("INSERT INTO things (id, code) VALUES (?, ?)");
    const tally = db.prepare(
      "INSERT INTO tallies (code, n) VALUES (?, 1) ON CONFLICT (code) DO UPDATE SET n = tallies.n + 1",
    );
    const statements = sent(() =>
      deferringWrites(db, () =>
        db.transaction(() => {
          for (let i = 1; i <= 600; i++) {
            add.run(i, `C${i}`);
            tally.run(i % 2 === 0 ? "even" : "odd");
          }
          // An UPDATE naming the table sees every row held before it.
          expect(db.prepare("UPDATE things SET code = code || '!' WHERE id > 598").run().changes).toBe(2);
        })(),
      ),
    );
    // BEGIN, 600 tallies, 600 rows in three COPYs (256 + 256 + 88), the UPDATE, COMMIT.
    expect(statements).toBe(1 + 600 + 3 + 1 + 1);
    expect(db.query("SELECT count(*) AS n FROM things").get()).toEqual({ n: 600 });
    expect(codes().slice(-2)).toEqual(["C599!", "C600!"]);
    expect(db.query("SELECT code, n FROM tallies ORDER BY code").all()).toEqual([
      { code: "even", n: 300 },
      { code: "odd", n: 300 },
    ]);
  });

  test("a held row that fails fails its transaction; one held in a savepoint rolled back is dropped", () => {
    const add = db.prepare("INSERT INTO things (id, code) VALUES (?, ?)");
    let caught: unknown;
    try {
      deferringWrites(db, () =>
        db.transaction(() => {
          add.run(1, "A");
          add.run(2, "A");
        })(),
      );
    } catch (err) {
      caught = err;
    }
    expect(isDeferredWriteFailure(caught)).toBe(true);
    expect((caught as PostgresError).code).toBe("SQLITE_CONSTRAINT_UNIQUE");
    expect(codes()).toEqual([]);
    deferringWrites(db, () =>
      db.transaction(() => {
        add.run(1, "A");
        expect(() =>
          db.transaction(() => {
            add.run(2, "B");
            throw new Error("abandoned");
          })(),
        ).toThrow("abandoned");
        add.run(3, "C");
      })(),
    );
    expect(codes()).toEqual(["A", "C"]);
  });

  test("only plain one-row inserts are held", () => {
    expect(plainInsert("INSERT INTO t (a, b) VALUES ($1, 'x')", 1)?.table).toBe("t");
    expect(plainInsert('INSERT INTO "t" (a) VALUES ($1)', 1)?.names("select * from t where a = 1")).toBe(
      true,
    );
    expect(plainInsert("INSERT INTO t (a) VALUES ($1)", 1)?.names("select * from tt")).toBe(false);
    for (const sql of [
      "INSERT INTO t (a) VALUES ($1) ON CONFLICT DO NOTHING",
      "INSERT INTO t (a) VALUES ($1) RETURNING a",
      "INSERT INTO t (a) SELECT $1",
      "INSERT INTO t (a) VALUES (lower($1))",
      "INSERT INTO t (a) VALUES ('it''s $1')",
      "INSERT INTO t (a) VALUES ($1), ($2)",
      "UPDATE t SET a = $1",
    ]) {
      expect(plainInsert(sql, 1)).toBeNull();
    }
  });
});
