import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { PgDatabase } from "../../src/shared/postgres/database.ts";
import { paramsAsJson } from "../../src/shared/postgres/params-json.ts";
import { testPostgres } from "../support/postgres.ts";

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
  const pg = testPostgres();
  let db: PgDatabase;
  let drop: () => void;

  beforeAll(() => {
    const created = pg.createDatabase();
    drop = created.drop;
    db = new PgDatabase(created.url, { statementTimeoutMs: 5000 });
    db.exec(`CREATE TABLE kept (id bigint PRIMARY KEY, label text, amount bigint, ratio double precision,
      big numeric, photo bytea)`);
  }, 60_000);

  afterAll(() => {
    db?.close();
    drop?.();
    pg.stop();
  });

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
