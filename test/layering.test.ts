/**
 * The layering check of `bun run lint` (scripts/check-deps.ts with `.dependency-cruiser.cjs`)
 * passes on the real tree and fails on each kind of violation planted in a throwaway tree laid
 * out like `src/`, type-only imports included.
 */
import { afterEach, describe, expect, setDefaultTimeout, test } from "bun:test";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

const ROOT = resolve(import.meta.dir, "..");
const CHECK = join(ROOT, "scripts/check-deps.ts");
setDefaultTimeout(30_000);

function checkDeps(dir?: string): { code: number; output: string } {
  const run = Bun.spawnSync(["bun", CHECK, ...(dir ? [dir] : [])], { cwd: ROOT });
  return { code: run.exitCode, output: `${run.stdout.toString()}${run.stderr.toString()}` };
}

const trees: string[] = [];
afterEach(() => {
  for (const dir of trees.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A throwaway tree with the given files (paths relative to its root, e.g. `src/core/a.ts`). */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "ringup-layering-"));
  trees.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe("layering check", () => {
  test("the real tree passes", () => {
    const { code, output } = checkDeps();
    expect(output).toContain("layering and cycles ok");
    expect(code).toBe(0);
  }, 60_000);

  test("a clean planted tree passes", () => {
    const dir = tree({
      "src/core/money.ts": "export type Minor = number;\n",
      "src/store-server/main.ts":
        'import type { Minor } from "../core/money.ts";\nexport const x: Minor = 1;\n',
    });
    expect(checkDeps(dir).code).toBe(0);
  });

  test("a cycle made only of type-only imports fails", () => {
    const dir = tree({
      "src/core/a.ts": 'import type { B } from "./b.ts";\nexport interface A { b?: B }\n',
      "src/core/b.ts": 'import type { A } from "./a.ts";\nexport interface B { a?: A }\n',
    });
    const { code, output } = checkDeps(dir);
    expect(output).toContain("no-cycle: src/core/a.ts → src/core/b.ts → src/core/a.ts");
    expect(code).toBe(1);
  });

  test("a mode importing the CLI fails, even for a type", () => {
    const dir = tree({
      "src/cli/options.ts": "export type StoreOptions = { port: number };\n",
      "src/store-server/main.ts":
        'import type { StoreOptions } from "../cli/options.ts";\nexport const o: StoreOptions = { port: 1 };\n',
      "src/hq/main.ts":
        'import type { StoreOptions } from "../cli/options.ts";\nexport const o: StoreOptions = { port: 1 };\n',
    });
    const { code, output } = checkDeps(dir);
    expect(output).toContain("store-server-layering: src/store-server/main.ts → src/cli/options.ts");
    expect(output).toContain("hq-layering: src/hq/main.ts → src/cli/options.ts");
    expect(code).toBe(1);
  });

  test("the till importing the store server fails", () => {
    const dir = tree({
      "src/store-server/app.ts": "export type App = { name: string };\n",
      "src/till/client.ts":
        'import type { App } from "../store-server/app.ts";\nexport const a: App = { name: "" };\n',
    });
    const { code, output } = checkDeps(dir);
    expect(output).toContain("till-layering: src/till/client.ts → src/store-server/app.ts");
    expect(code).toBe(1);
  });

  test("core importing I/O or a mode fails", () => {
    const dir = tree({
      "src/shared/config.ts": "export const config = {};\n",
      "src/core/read.ts": 'import type { Stats } from "node:fs";\nexport type S = Stats;\n',
      "src/core/uses-shared.ts": 'import { config } from "../shared/config.ts";\nexport const c = config;\n',
    });
    const { code, output } = checkDeps(dir);
    expect(output).toContain("core-is-pure: src/core/read.ts → fs");
    expect(output).toContain("core-is-pure: src/core/uses-shared.ts → src/shared/config.ts");
    expect(code).toBe(1);
  });

  test("the till's own entry reaching the whole store API or a server fails, through any path", () => {
    const dir = tree({
      "src/api/store/routes.ts": "export const storeRoutes = {};\n",
      "src/api/store/till-routes.ts": "export const tillStoreRoutes = {};\n",
      "src/store-server/main.ts": "export const runStore = 1;\n",
      "src/till/data/client.ts":
        'import { storeRoutes } from "../../api/store/routes.ts";\nexport const r = storeRoutes;\n',
      "src/cli/till-command.ts":
        'import { r } from "../till/data/client.ts";\nimport { tillStoreRoutes } from "../api/store/till-routes.ts";\nexport const c = [r, tillStoreRoutes];\n',
      "src/cli/till-program.ts":
        'import { c } from "./till-command.ts";\nexport const main = () => import("../store-server/main.ts").then(() => c);\n',
    });
    const { code, output } = checkDeps(dir);
    expect(output).toContain(
      "till-program-loads-the-till-only: src/cli/till-program.ts → src/api/store/routes.ts",
    );
    expect(output).toContain(
      "till-program-loads-the-till-only: src/cli/till-program.ts → src/store-server/main.ts",
    );
    expect(output).not.toContain("till-routes.ts");
    expect(code).toBe(1);
  });
});
