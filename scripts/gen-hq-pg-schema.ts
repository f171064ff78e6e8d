/**
 * `bun scripts/gen-hq-pg-schema.ts [--check]`: writes `schema/hq-pg.ts`, head office's schema for
 * PostgreSQL, from its SQLite tables (drizzle's `getTableConfig`): integer → bigint (as a number),
 * text → text, real → double precision, blob → bytea, with the same primary keys, uniques,
 * indexes, foreign keys and defaults. An auto-increment key becomes a bigserial, listed in
 * `hqPgSerialColumns` (SQLite takes NULL there for "the next one"; PostgreSQL is taught the same
 * at open). `--check` fails when the file is stale (lint runs it).
 */
import { resolve } from "node:path";
import { getTableName, is, SQL } from "drizzle-orm";
import { getTableConfig, type SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { hqSchema } from "../schema/hq.ts";

const root = resolve(import.meta.dir, "..");
const out = resolve(root, "schema/hq-pg.ts");

function literal(value: unknown): string {
  if (is(value, SQL)) throw new Error("SQL defaults are not translated; give the default as a value");
  if (typeof value === "boolean") return value ? "1" : "0";
  return JSON.stringify(value);
}

function columnSource(column: SQLiteColumn, serial: boolean): string {
  let base: string;
  switch (column.getSQLType()) {
    case "integer":
      base = serial
        ? `bigserial(${JSON.stringify(column.name)}, { mode: "number" })`
        : `bigint(${JSON.stringify(column.name)}, { mode: "number" })`;
      break;
    case "real":
      base = `doublePrecision(${JSON.stringify(column.name)})`;
      break;
    case "blob":
      base = `bytea(${JSON.stringify(column.name)})`;
      break;
    default:
      base = `text(${JSON.stringify(column.name)})`;
  }
  if (column.primary) base += ".primaryKey()";
  if (column.notNull && !column.primary) base += ".notNull()";
  if (column.hasDefault && column.default !== undefined) base += `.default(${literal(column.default)})`;
  if (column.isUnique && column.uniqueName) base += `.unique(${JSON.stringify(column.uniqueName)})`;
  return base;
}

const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));

const tables: string[] = [];
const exports: string[] = [];
const serials: string[] = [];
for (const [exportName, table] of Object.entries(hqSchema)) {
  if (!is(table, SQLiteTable)) continue;
  const config = getTableConfig(table);
  const props = Object.entries(table).filter(([, v]) => config.columns.includes(v as SQLiteColumn));
  const columns = props.map(([prop, column]) => {
    const c = column as SQLiteColumn & { autoIncrement?: boolean };
    const serial = c.primary && c.getSQLType() === "integer" && c.autoIncrement === true;
    if (serial)
      serials.push(`  { table: ${JSON.stringify(config.name)}, column: ${JSON.stringify(c.name)} },`);
    return `    ${key(prop)}: ${columnSource(c, serial)},`;
  });
  const propOf = (column: { name: string }) => {
    const found = props.find(([, v]) => (v as SQLiteColumn).name === column.name);
    if (!found) throw new Error(`${config.name}: no property for ${column.name}`);
    return `t.${found[0]}`;
  };
  const extras: string[] = [];
  for (const pk of config.primaryKeys) {
    extras.push(
      `primaryKey({ name: ${JSON.stringify(pk.getName())}, columns: [${pk.columns.map(propOf).join(", ")}] })`,
    );
  }
  for (const u of config.uniqueConstraints) {
    extras.push(`unique(${JSON.stringify(u.getName())}).on(${u.columns.map(propOf).join(", ")})`);
  }
  for (const ix of config.indexes) {
    const fn = ix.config.unique ? "uniqueIndex" : "index";
    const cols = ix.config.columns.map((c) => propOf(c as { name: string }));
    extras.push(`${fn}(${JSON.stringify(ix.config.name)}).on(${cols.join(", ")})`);
  }
  for (const fk of config.foreignKeys) {
    const ref = fk.reference();
    const foreign = Object.entries(hqSchema).find(([, v]) => v === ref.foreignTable)?.[0];
    if (!foreign) throw new Error(`${config.name}: foreign table not in the schema`);
    const foreignCols = ref.foreignColumns.map((c) => {
      const p = Object.entries(ref.foreignTable).find(([, v]) => v === c)?.[0];
      return `${foreign}.${p}`;
    });
    let s = `foreignKey({ name: ${JSON.stringify(fk.getName())}, columns: [${ref.columns.map(propOf).join(", ")}], foreignColumns: [${foreignCols.join(", ")}] })`;
    if (fk.onDelete) s += `.onDelete(${JSON.stringify(fk.onDelete)})`;
    if (fk.onUpdate) s += `.onUpdate(${JSON.stringify(fk.onUpdate)})`;
    extras.push(s);
  }
  const extra = extras.length > 0 ? `,\n  (t) => [\n    ${extras.join(",\n    ")},\n  ]` : "";
  tables.push(
    `export const ${exportName} = pgTable(\n  ${JSON.stringify(getTableName(table))},\n  {\n${columns.join("\n")}\n  }${extra},\n);`,
  );
  exports.push(`  ${exportName},`);
}

const used = [
  "bigint",
  "bigserial",
  "bytea",
  "doublePrecision",
  "foreignKey",
  "index",
  "pgTable",
  "primaryKey",
  "text",
  "unique",
  "uniqueIndex",
].filter((name) => name === "pgTable" || tables.some((t) => new RegExp(`(?<![.\\w])${name}\\(`).test(t)));
const source = `// Generated by scripts/gen-hq-pg-schema.ts from head office's SQLite tables; do not edit.
// Head office's schema on PostgreSQL (drizzle.hq-pg.config.ts generates its migrations).
import { ${used.join(", ")} } from "drizzle-orm/pg-core";

${tables.join("\n\n")}

export const hqPgSchema = {
${exports.join("\n")}
};

/** Auto-increment keys: an insert that gives NULL there takes the next value, as on SQLite. */
export const hqPgSerialColumns: readonly { table: string; column: string }[] = [
${serials.join("\n")}
];
`;

const formatted = await format(source);
if (process.argv.includes("--check")) {
  const current = await Bun.file(out)
    .text()
    .catch(() => "");
  if (current !== formatted) {
    console.error(
      "schema/hq-pg.ts is stale: run `bun scripts/gen-hq-pg-schema.ts` (then `bun run db:generate`)",
    );
    process.exit(1);
  }
} else {
  await Bun.write(out, formatted);
  console.log(`gen-hq-pg-schema: ${exports.length} tables`);
}

/** The file as the formatter writes it, so lint and the check agree. */
async function format(text: string): Promise<string> {
  const proc = Bun.spawn(["bunx", "biome", "format", "--stdin-file-path", out], {
    cwd: root,
    stdin: new Blob([text]),
    stdout: "pipe",
    stderr: "inherit",
  });
  const formattedText = await new Response(proc.stdout).text();
  if ((await proc.exited) !== 0) throw new Error("biome could not format schema/hq-pg.ts");
  return formattedText;
}
