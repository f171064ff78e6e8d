/**
 * SQLite's parameter forms in PostgreSQL's: positional `?` and `?NNN`, named `$x`, `:x` and `@x`
 * become `$1…$n` (outside string literals, quoted names and comments), with a plan that picks each
 * `$n`'s value from what bun:sqlite's statement methods are called with.
 */

type Slot = { index: number } | { name: string };

export interface TranslatedSql {
  sql: string;
  slots: Slot[];
  /**
   * Result names as the SQL spells them, by PostgreSQL's lower-case fold: `AS blockedAt` comes
   * back as `blockedat`, and SQLite's callers read `blockedAt`.
   */
  names: Map<string, string>;
}

/** Mixed-case words outside string literals and quoted names: the aliases to give back. */
function mixedCaseNames(sql: string): Map<string, string> {
  const names = new Map<string, string>();
  const bare = sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"/g, " ");
  for (const [word] of bare.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) {
    if (/[a-z]/.test(word) && /[A-Z]/.test(word)) names.set(word.toLowerCase(), word);
  }
  return names;
}

const NAME = /[A-Za-z0-9_]/;

/**
 * drizzle's SQLite dialect names a conflict target with its table (`on conflict ("t"."c")`),
 * which PostgreSQL refuses: the bare column is what both mean.
 */
function bareConflictTarget(source: string): string {
  return source.replace(
    /\bon conflict \(([^)]*)\)/gi,
    (_all, columns: string) => `on conflict (${columns.replace(/"[^"]+"\./g, "")})`,
  );
}

export function translateParameters(sqliteSql: string): TranslatedSql {
  const source = bareConflictTarget(sqliteSql);
  let out = "";
  const slots: Slot[] = [];
  const named = new Map<string, number>();
  let nextPositional = 1;
  /** The `$n` of a parameter: a new one the first time it is met, the same one after. */
  const slotOf = (key: string, slot: Slot): number => {
    let at = named.get(key);
    if (at === undefined) {
      slots.push(slot);
      at = slots.length;
      named.set(key, at);
    }
    return at;
  };
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i] as string;
    if (c === "'" || c === '"' || c === "`") {
      const end = closing(source, i, c);
      out += source.slice(i, end);
      i = end;
    } else if (c === "-" && source[i + 1] === "-") {
      const end = source.indexOf("\n", i);
      const stop = end === -1 ? n : end;
      out += source.slice(i, stop);
      i = stop;
    } else if (c === "/" && source[i + 1] === "*") {
      const end = source.indexOf("*/", i + 2);
      const stop = end === -1 ? n : end + 2;
      out += source.slice(i, stop);
      i = stop;
    } else if (c === "?") {
      let j = i + 1;
      while (j < n && /[0-9]/.test(source[j] as string)) j++;
      const index = j > i + 1 ? Number(source.slice(i + 1, j)) : nextPositional;
      nextPositional = Math.max(nextPositional, index + 1);
      // The same `?NNN` twice is one parameter (so PostgreSQL infers its type from either place).
      out += `$${slotOf(`?${index}`, { index })}`;
      i = j;
    } else if (
      (c === "$" || c === ":" || c === "@") &&
      NAME.test(source[i + 1] ?? "") &&
      !isCast(source, i)
    ) {
      let j = i + 1;
      while (j < n && NAME.test(source[j] as string)) j++;
      const name = source.slice(i + 1, j);
      out += `$${slotOf(name, { name })}`;
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  return { sql: out, slots, names: mixedCaseNames(source) };
}

/** `x::int` is PostgreSQL's cast, not a `:int` parameter. */
function isCast(source: string, i: number): boolean {
  return source[i] === ":" && (source[i + 1] === ":" || source[i - 1] === ":");
}

function closing(source: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < source.length) {
    if (source[i] === quote) {
      if (source[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return source.length;
}

/** The keys a named parameter may be given under, by name, written once. */
const keysByName = new Map<string, readonly string[]>();

function keysOf(name: string): readonly string[] {
  let keys = keysByName.get(name);
  if (keys === undefined) {
    keys = [name, `$${name}`, `:${name}`, `@${name}`];
    keysByName.set(name, keys);
  }
  return keys;
}

/** The values for `$1…$n`, from positional arguments or one object of named ones. */
export function bindValues(slots: readonly Slot[], given: readonly unknown[]): unknown[] {
  // `db.run(sql, [a, b])`: the values as one array, as bun:sqlite takes them too.
  const args = given.length === 1 && Array.isArray(given[0]) ? (given[0] as unknown[]) : given;
  const first = args[0];
  const named =
    args.length === 1 && first !== null && typeof first === "object" && !ArrayBuffer.isView(first)
      ? (first as Record<string, unknown>)
      : undefined;
  return slots.map((slot) => {
    if ("index" in slot) {
      if (named !== undefined) return named[String(slot.index)];
      return args[slot.index - 1];
    }
    if (named === undefined) throw new Error(`SQL parameter $${slot.name} was not given`);
    if (slot.name in named) return named[slot.name];
    for (const key of keysOf(slot.name)) {
      if (key in named) return named[key];
    }
    throw new Error(`SQL parameter $${slot.name} was not given`);
  });
}
