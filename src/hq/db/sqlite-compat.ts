/**
 * SQLite's JSON functions that head office's raw statements use, defined in PostgreSQL with
 * SQLite's meaning, so those statements stay written once:
 * - `json_each(doc)` / `json_each(doc, '$.path')`: the elements of a JSON array, as rows with a
 *   `value` column (a string element as its text, anything else as JSON text);
 * - `json_extract(doc, '$.path')`: the value at the path as text (cast it where a number is
 *   summed: `CAST(json_extract(…) AS BIGINT)`, which both databases read the same).
 * Paths are SQLite's simple `$.a.b` form.
 */
export const SQLITE_COMPAT_SQL = `
CREATE OR REPLACE FUNCTION ringup_json_path(path text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN path = '$' THEN ARRAY[]::text[] ELSE string_to_array(substr(path, 3), '.') END
$$;
CREATE OR REPLACE FUNCTION ringup_json_text(e jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE jsonb_typeof(e) WHEN 'string' THEN e #>> '{}' WHEN 'null' THEN NULL ELSE e::text END
$$;
CREATE OR REPLACE FUNCTION json_each(doc text) RETURNS TABLE(value text) LANGUAGE sql IMMUTABLE AS $$
  SELECT ringup_json_text(e) FROM jsonb_array_elements(CAST(doc AS jsonb)) AS e
$$;
CREATE OR REPLACE FUNCTION json_each(doc text, path text) RETURNS TABLE(value text) LANGUAGE sql IMMUTABLE AS $$
  SELECT ringup_json_text(e) FROM jsonb_array_elements(CAST(doc AS jsonb) #> ringup_json_path(path)) AS e
$$;
CREATE OR REPLACE FUNCTION json_extract(doc text, path text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT ringup_json_text(CAST(doc AS jsonb) #> ringup_json_path(path))
$$;
`;
