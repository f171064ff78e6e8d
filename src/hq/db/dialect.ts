/**
 * The few SQL forms head office's raw statements need that SQLite and PostgreSQL spell
 * differently. Everything else is written once, in the form both accept (coalesce, CASE,
 * standard aggregates, `ON CONFLICT DO NOTHING`, explicit casts).
 */
export interface HqDialect {
  readonly name: "sqlite" | "postgres";
  /** The elements of a JSON array held in a text column: a table source with a `value` column. */
  jsonArrayElements(column: string): string;
  /** A top-level field of a JSON object held in a text column, as text. */
  jsonText(column: string, field: string): string;
  /** Strings of a group joined with a separator. */
  groupConcat(expression: string, separator: string): string;
  /**
   * How the customers report finds the lifetime rows of a range's customers (the same answer
   * either way, each engine's faster form, measured at 200 stores): `in`, a semi-join, which
   * PostgreSQL runs as one hash of the range's customers that the lifetime rows are read against;
   * `grouped`, the range's customers grouped (SQLite sorts them) and each lifetime row looked up
   * by its key, where SQLite's set for `IN` cost more.
   */
  readonly customersInRange: "in" | "grouped";
}

const quoteLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

export const sqliteDialect: HqDialect = {
  name: "sqlite",
  jsonArrayElements: (column) => `json_each(${column})`,
  jsonText: (column, field) => `json_extract(${column}, ${quoteLiteral(`$.${field}`)})`,
  groupConcat: (expression, separator) => `group_concat(${expression}, ${quoteLiteral(separator)})`,
  customersInRange: "grouped",
};

export const postgresDialect: HqDialect = {
  name: "postgres",
  jsonArrayElements: (column) => `jsonb_array_elements_text(CAST(${column} AS jsonb)) AS json_each(value)`,
  jsonText: (column, field) => `(CAST(${column} AS jsonb) ->> ${quoteLiteral(field)})`,
  groupConcat: (expression, separator) =>
    `string_agg(CAST(${expression} AS text), ${quoteLiteral(separator)})`,
  customersInRange: "in",
};
