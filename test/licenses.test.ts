/**
 * Every installed package carries a licence that allows distributing the bundled binary under
 * GPL-3.0-or-later (docs/licenses.md).
 */
import { expect, test } from "bun:test";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dir, "..");
const COMPATIBLE = new Set([
  "MIT",
  "ISC",
  "BSD-2-Clause",
  "BSD-3-Clause",
  "Apache-2.0",
  "Unlicense",
  "0BSD",
  "MIT OR Apache-2.0",
  "(MIT OR CC0-1.0)",
  "MIT or GPL-2.0",
  "Apache-2.0 AND MIT",
  "BlueOak-1.0.0",
  "(MIT AND Zlib)",
]);

function licences(dir: string, out: Map<string, string>): void {
  for (const name of readdirSync(dir)) {
    if (name.startsWith(".")) continue;
    const path = join(dir, name);
    if (name.startsWith("@")) {
      licences(path, out);
      continue;
    }
    const manifest = join(path, "package.json");
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, "utf8")) as {
      name?: string;
      version?: string;
      license?: unknown;
    };
    out.set(
      `${pkg.name}@${pkg.version}`,
      typeof pkg.license === "string" ? pkg.license : JSON.stringify(pkg.license),
    );
    if (existsSync(join(path, "node_modules"))) licences(join(path, "node_modules"), out);
  }
}

test("the project is GPL-3.0-or-later with the licence text, and every dependency's licence is compatible", () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { license: string };
  expect(pkg.license).toBe("GPL-3.0-or-later");
  expect(readFileSync(join(ROOT, "LICENSE"), "utf8")).toContain(
    "GNU GENERAL PUBLIC LICENSE\n                       Version 3, 29 June 2007",
  );
  const found = new Map<string, string>();
  licences(join(ROOT, "node_modules"), found);
  expect(found.size).toBeGreaterThan(20);
  const incompatible = [...found].filter(([, licence]) => !COMPATIBLE.has(licence));
  expect(incompatible).toEqual([]);
});
