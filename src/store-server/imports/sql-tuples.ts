/**
 * Reads the value tuples of a SQL dump (`(1,'CA','Cash'),(2,…);`, one per line or many on an
 * `INSERT … VALUES` line): each tuple's values as text (NULL as null) with the line it starts
 * on. Quoted strings take `''` and backslash escapes and end on their line (catalog names
 * hold no line breaks). A malformed tuple is reported with its
 * line and reading resumes on the line after it starts, so an unclosed quote costs one line.
 */
import type { ImportProblem } from "./model.ts";

export interface SqlTuple {
  values: (string | null)[];
  line: number;
}

const ESCAPES: Readonly<Record<string, string>> = { n: "\n", r: "\r", t: "\t", "0": "\0" };

class TupleError extends Error {}

class Reader {
  pos = 0;
  line = 1;
  constructor(private readonly text: string) {}

  get done(): boolean {
    return this.pos >= this.text.length;
  }
  peek(): string {
    return this.text[this.pos] ?? "";
  }
  next(): string {
    const ch = this.text[this.pos++] ?? "";
    if (ch === "\n") this.line++;
    return ch;
  }
  skipSpace(): void {
    while (!this.done && /\s/.test(this.peek())) this.next();
  }
  skipLine(): void {
    while (!this.done && this.peek() !== "\n") this.next();
  }
  /** Goes back to the line after `line`, which starts after position `from`. */
  resumeAfter(from: number, line: number): void {
    const end = this.text.indexOf("\n", from);
    this.pos = end === -1 ? this.text.length : end;
    this.line = line;
  }
  /** Moves past a comment or an `INSERT … VALUES` clause if one starts here. */
  skipClause(): boolean {
    const rest = this.text.slice(this.pos, this.pos + 200);
    const m = /^(--[^\n]*|#[^\n]*|\/\*[\s\S]*?\*\/|INSERT\s+INTO\s[^(]*?(\([^)]*\)\s*)?VALUES\b|[,;])/i.exec(
      rest,
    );
    if (!m) return false;
    for (let i = 0; i < m[0].length; i++) this.next();
    return true;
  }

  quoted(): string {
    const quote = this.next();
    let out = "";
    for (;;) {
      if (this.done || this.peek() === "\n") throw new TupleError("a quoted value is not closed on its line");
      const ch = this.next();
      if (ch === "\\") {
        const esc = this.next();
        out += ESCAPES[esc] ?? esc;
      } else if (ch === quote) {
        if (this.peek() !== quote) return out;
        out += this.next();
      } else {
        out += ch;
      }
    }
  }

  bare(): string | null {
    let out = "";
    while (!this.done && !/[,)\s]/.test(this.peek())) out += this.next();
    if (out === "") throw new TupleError(`expected a value, found "${this.peek() || "the end of the file"}"`);
    return /^null$/i.test(out) ? null : out;
  }

  tuple(): (string | null)[] {
    this.next(); // "("
    const values: (string | null)[] = [];
    for (;;) {
      this.skipSpace();
      const ch = this.peek();
      values.push(ch === "'" || ch === '"' ? this.quoted() : this.bare());
      this.skipSpace();
      const sep = this.next();
      if (sep === ")") return values;
      if (sep !== ",")
        throw new TupleError(
          `expected "," or ")" after value ${values.length}, found "${sep || "the end of the file"}"`,
        );
    }
  }
}

export function readSqlTuples(text: string): { tuples: SqlTuple[]; errors: ImportProblem[] } {
  const reader = new Reader(text.replace(/^\uFEFF/, ""));
  const tuples: SqlTuple[] = [];
  const errors: ImportProblem[] = [];
  for (;;) {
    reader.skipSpace();
    if (reader.done) break;
    if (reader.peek() !== "(") {
      if (reader.skipClause()) continue;
      errors.push({ line: reader.line, reason: "is not a SQL value tuple such as ('1','BAKERY','0',…)" });
      reader.skipLine();
      continue;
    }
    const line = reader.line;
    const start = reader.pos;
    try {
      tuples.push({ values: reader.tuple(), line });
    } catch (err) {
      if (!(err instanceof TupleError)) throw err;
      errors.push({ line, reason: err.message });
      reader.resumeAfter(start, line);
    }
  }
  return { tuples, errors };
}
