import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { drizzle } from "drizzle-orm/bun-sqlite";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { PgDatabase, PostgresError } from "../../src/shared/postgres/database.ts";
import { translateParameters } from "../../src/shared/postgres/params.ts";
import { paramsAsJson } from "../../src/shared/postgres/params-json.ts";
import { testPostgres } from "../support/postgres.ts";

const pg = testPostgres();
let db: PgDatabase;
let drop: () => void;

beforeAll(() => {
  const created = pg.createDatabase();
  drop = created.drop;
  db = new PgDatabase(created.url, { statementTimeoutMs: 2000 });
  db.exec(`CREATE TABLE items (id bigint PRIMARY KEY, code text NOT NULL UNIQUE, price_minor bigint NOT NULL,
    weight double precision, photo bytea, parent bigint REFERENCES items(id))`);
  db.exec(`CREATE TABLE kept (id bigint PRIMARY KEY, label text, amount bigint, ratio double precision,
      big numeric, photo bytea)`);
}, 60_000);

afterAll(() => {
  db?.close();
  drop?.();
  pg.stop();
});

describe("parameters in SQLite's forms", () => {
  test("?, ?NNN and named parameters become $n, leaving literals and casts alone", () => {
    expect(translateParameters("SELECT '?', \"a?\", ? , ?2, ?1 -- ?\n").sql).toBe(
      "SELECT '?', \"a?\", $1 , $2, $1 -- ?\n",
    );
    expect(translateParameters("SELECT ?1, ?2, ?1").sql).toBe("SELECT $1, $2, $1");
    const named = translateParameters("SELECT $a, :b, @a, x::text");
    expect(named.sql).toBe("SELECT $1, $2, $1, x::text");
    expect(named.slots).toEqual([{ name: "a" }, { name: "b" }]);
    expect(translateParameters('insert into "t" ("k") values (?) on conflict ("t"."k") do nothing').sql).toBe(
      'insert into "t" ("k") values ($1) on conflict ("k") do nothing',
    );
  });
});

describe("a synchronous PostgreSQL database with bun:sqlite's statements", () => {
  test("run, get, all and values answer synchronously with SQLite's value types", () => {
    const insert = db.query(
      "INSERT INTO items (id, code, price_minor, weight, photo) VALUES (?, ?, ?, ?, ?)",
    );
    expect(insert.run(1, "A", 2 ** 40, 0.5, new Uint8Array([1, 2]))).toEqual({
      changes: 1,
      lastInsertRowid: 0,
    });
    insert.run(2, "B", 7, null, null);
    const row = db
      .query("SELECT id, code, price_minor, weight, photo FROM items WHERE code = $code")
      .get({ code: "A" });
    expect(row).toEqual({ id: 1, code: "A", price_minor: 2 ** 40, weight: 0.5, photo: Buffer.from([1, 2]) });
    expect(db.query("SELECT sum(price_minor) AS s, count(*) AS n, 1 = 1 AS t FROM items").get()).toEqual({
      s: 2 ** 40 + 7,
      n: 2,
      t: 1,
    });
    expect(db.query("SELECT code FROM items ORDER BY id").values()).toEqual([["A"], ["B"]]);
    // PostgreSQL folds unquoted names to lower case; the SQL's own spelling comes back.
    expect(
      db.query("SELECT price_minor AS priceMinor FROM items WHERE id = 2 ORDER BY priceMinor").get(),
    ).toEqual({
      priceMinor: 7,
    });
    expect(db.query("SELECT code FROM items WHERE id = ?").get(99)).toBeNull();
  });

  test("the connection runs without PostgreSQL's JIT compiler (head office's queries are short)", () => {
    expect(db.query("SHOW jit").get()).toEqual({ jit: "off" });
  });

  test("a sum beyond 2^53 fails loudly instead of losing cents", () => {
    expect(() => db.query("SELECT 9007199254740993::numeric AS big").get()).toThrow(/2\^53/);
  });

  test("unique and foreign key violations carry SQLite's codes", () => {
    const insert = db.prepare("INSERT INTO items (id, code, price_minor, parent) VALUES (?, ?, ?, ?)");
    let error: unknown;
    try {
      insert.run(3, "A", 1, null);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(PostgresError);
    expect((error as PostgresError).code).toBe("SQLITE_CONSTRAINT_UNIQUE");
    expect(() => insert.run(4, "D", 1, 404)).toThrow(/FOREIGN KEY constraint failed/);
  });

  test("transactions commit, roll back on a throw, and nest as savepoints", () => {
    const add = db.prepare("INSERT INTO items (id, code, price_minor) VALUES (?, ?, ?)");
    expect(() =>
      db.transaction(() => {
        add.run(10, "T1", 1);
        throw new Error("abandoned");
      })(),
    ).toThrow("abandoned");
    db.transaction(() => {
      add.run(11, "T2", 1);
      try {
        db.transaction(() => {
          add.run(12, "T3", 1);
          throw new Error("inner");
        }).immediate();
      } catch {}
    }).immediate();
    expect(db.query("SELECT code FROM items WHERE id >= 10 ORDER BY id").values()).toEqual([["T2"]]);
  });

  test("a transaction that went on after a failed statement is said to be rolled back, not committed", () => {
    const add = db.prepare("INSERT INTO items (id, code, price_minor) VALUES (?, ?, ?)");
    expect(() =>
      db.transaction(() => {
        add.run(30, "K1", 1);
        try {
          add.run(31, "K1", 1);
        } catch {}
      })(),
    ).toThrow(/rolled back/);
    expect(db.query("SELECT count(*) AS n FROM items WHERE id IN (30, 31)").get()).toEqual({ n: 0 });
  });

  test("drizzle's bun-sqlite driver works on it unchanged", () => {
    const items = sqliteTable("items", {
      id: integer("id").primaryKey(),
      code: text("code").notNull(),
      priceMinor: integer("price_minor").notNull(),
    });
    const orm = drizzle({ client: db as never });
    orm.insert(items).values({ id: 20, code: "Z", priceMinor: 5 }).onConflictDoNothing().run();
    orm.insert(items).values({ id: 20, code: "Z", priceMinor: 5 }).onConflictDoNothing().run();
    const found = orm
      .select()
      .from(items)
      .all()
      .find((r) => r.id === 20);
    expect(found).toEqual({ id: 20, code: "Z", priceMinor: 5 });
    const returned = orm.transaction((tx) =>
      tx.update(items).set({ priceMinor: 6 }).returning({ priceMinor: items.priceMinor }).all(),
    );
    expect(returned.every((r) => r.priceMinor === 6)).toBe(true);
  });

  test("a statement past the timeout is cancelled with a clear error", () => {
    expect(() => db.query("SELECT pg_sleep(5)").get()).toThrow(/statement timeout/);
    expect(db.query("SELECT 1 AS one").get()).toEqual({ one: 1 });
  });

  test("without the timeout (a migration building an index), a long statement finishes; then the timeout holds again", () => {
    expect(db.withoutTimeout(() => db.query("SELECT pg_sleep(2.5), 1 AS done").get())).toMatchObject({
      done: 1,
    });
    expect(() => db.query("SELECT pg_sleep(5)").get()).toThrow(/statement timeout/);
  }, 20_000);

  test("a server that cannot be reached is said so", () => {
    // In a process of its own, as `ringup hq` meets it at start-up.
    const module = new URL("../../src/shared/postgres/database.ts", import.meta.url).pathname;
    const script = `import { PgDatabase } from ${JSON.stringify(module)};
      try { new PgDatabase("postgres://postgres@127.0.0.1:1/none"); } catch (e) { console.log(e.code, e.message); }`;
    const proc = Bun.spawnSync([process.execPath, "-e", script]);
    expect(proc.stdout.toString()).toContain(
      "POSTGRES_CONNECTION_LOST the PostgreSQL server cannot be reached",
    );
  });
});

describe("a statement's parameters as one JSON text for the connection's worker", () => {
  test("plain strings, finite numbers and NULLs go as JSON; anything JSON would change does not", () => {
    expect(paramsAsJson(["a", 1, null, 2.5, "\ud800 lone", ""])).toBe('["a",1,null,2.5,"\\ud800 lone",""]');
    expect(paramsAsJson([])).toBe("[]");
    for (const odd of [Number.NaN, Number.POSITIVE_INFINITY, -0, 10n, new Uint8Array([1])]) {
      expect(paramsAsJson(["a", odd])).toBeNull();
    }
  });
});

/** The kinds of the requests handed to the connection's worker while fn runs. */
function requestKinds(fn: () => void): string[] {
  const proto = PgDatabase.prototype as unknown as {
    post: (request: { kind: string }, ...rest: unknown[]) => unknown;
  };
  const original = proto.post;
  const kinds: string[] = [];
  proto.post = function (this: unknown, request: { kind: string }, ...rest: unknown[]) {
    kinds.push(request.kind);
    return original.call(this, request, ...rest);
  };
  try {
    fn();
  } finally {
    proto.post = original;
  }
  return kinds;
}

describe("values reach PostgreSQL unchanged whichever way they cross", () => {
  // One row at a time (parameters as JSON or as they are), and held back while writes are
  // deferred, then sent together (a COPY, or a multi-row insert for numbers COPY's text would change).
  test("text, numbers, NULLs, NaN, -0, bigints and bytes, one row at a time and held as many", () => {
    const rows: unknown[][] = [
      [1, "plain", 2 ** 40, 0.1, null, null],
      [
        2,
        'quote " and \\ and \u0001 and é 😀 and \ud83d alone',
        -5,
        Number.NaN,
        123456789012345678901n,
        null,
      ],
      [3, "", 0, -0, null, new Uint8Array([0, 255])],
      [4, null, null, Number.POSITIVE_INFINITY, null, null],
      [5, "x".repeat(70_000), Number.MAX_SAFE_INTEGER, 1e-300, null, null],
    ];
    const insert = db.query(
      "INSERT INTO kept (id, label, amount, ratio, big, photo) VALUES (?, ?, ?, ?, ?, ?)",
    );
    // Rows 1–3 one by one; 4–5 held back and sent together as one multi-row insert (not a COPY:
    // its text would not keep Infinity as the parameter does).
    for (const row of rows.slice(0, 3)) insert.run(...row);
    const kinds = requestKinds(() =>
      db.deferringWrites(() =>
        db.transaction(() => {
          for (const row of rows.slice(3)) insert.run(...row);
        })(),
      ),
    );
    expect(kinds).toEqual(["exec", "query", "exec"]);
    const read = db
      .query<Record<string, unknown>, []>(
        "SELECT id, label, amount, ratio, big::text AS big, photo, ratio::text = '-0' AS negzero FROM kept ORDER BY id",
      )
      .all();
    expect(read.map((r) => r.label)).toEqual(
      rows.map((r) => (r[1] === null ? null : String(r[1]).replace("\ud83d alone", "\ufffd alone"))),
    );
    expect(read.map((r) => r.amount)).toEqual([2 ** 40, -5, 0, null, Number.MAX_SAFE_INTEGER]);
    expect(read.map((r) => r.ratio)).toEqual([0.1, Number.NaN, -0, Number.POSITIVE_INFINITY, 1e-300]);
    expect(read[2]?.negzero).toBe(1);
    expect(read[1]?.big).toBe("123456789012345678901");
    expect(read[2]?.photo).toEqual(Buffer.from([0, 255]));
  });

  test("held rows with text COPY must escape, literals in the statement, bytes and big numbers", () => {
    const texts = ["tab\there", "line\nbreak\r\n", "back\\slash \\N \\.", "\\", "", "é 😀", "NULL", "\\x41"];
    const insert = db.query(
      "INSERT INTO kept (id, label, amount, ratio, big, photo) VALUES (?, ?, ?, 7, ?, ?)",
    );
    const kinds = requestKinds(() =>
      db.deferringWrites(() =>
        db.transaction(() => {
          texts.forEach((label, i) => {
            insert.run(
              100 + i,
              label,
              i === 0 ? null : -(2 ** 50) + i,
              10n ** 20n + BigInt(i),
              i === 1 ? new Uint8Array([92, 9, 10]) : null,
            );
          });
        })(),
      ),
    );
    expect(kinds).toEqual(["exec", "copy", "exec"]);
    const read = db
      .query<{ label: string; amount: number | null; ratio: number; big: string; photo: Buffer | null }, []>(
        "SELECT label, amount, ratio, big::text AS big, photo FROM kept WHERE id >= 100 ORDER BY id",
      )
      .all();
    expect(read.map((r) => r.label)).toEqual(texts);
    expect(read.map((r) => r.amount)).toEqual(texts.map((_, i) => (i === 0 ? null : -(2 ** 50) + i)));
    expect(read.every((r) => r.ratio === 7)).toBe(true);
    expect(read.map((r) => r.big)).toEqual(texts.map((_, i) => String(10n ** 20n + BigInt(i))));
    expect(read[1]?.photo).toEqual(Buffer.from([92, 9, 10]));
  });
});
