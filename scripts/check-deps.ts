/**
 * Enforces the layering of DESIGN.md: code depends inward (modes → core), `src/core` is pure,
 * the tiers never import each other, and no module import cycle exists. Part of `bun run lint`.
 */
import { dirname, join, relative, resolve } from "node:path";

const root = resolve(import.meta.dir, "..");
const src = join(root, "src");

/** What each area may import from other `src/` areas. */
const allowed: Record<string, readonly string[]> = {
  core: [],
  api: [],
  devices: ["core"],
  shared: ["core", "api"],
  "store-server": ["core", "api", "shared", "schema", "package.json"],
  hq: ["core", "api", "shared", "schema", "package.json"],
  till: ["core", "api", "shared", "devices", "schema", "package.json"],
  cli: ["core", "api", "shared", "store-server", "hq", "till", "devices", "cli", "package.json"],
  "cli.ts": ["cli"],
};
/** Packages core may use: it does no I/O. */
const corePackages = new Set(["zod"]);

const transpiler = new Bun.Transpiler({ loader: "tsx" });
const files = [...new Bun.Glob("**/*.{ts,tsx}").scanSync({ cwd: src })].map((f) => join(src, f));
const graph = new Map<string, string[]>();
const problems: string[] = [];

function area(file: string): string {
  const rel = relative(src, file);
  return rel.includes("/") ? (rel.split("/")[0] ?? rel) : rel;
}

/** Files outside `src/` that the tiers may import: the database schemas and package.json. */
function outsideArea(target: string): string {
  const rel = relative(root, target);
  if (rel.startsWith("schema/")) return "schema";
  if (rel === "package.json") return "package.json";
  return `outside (${rel})`;
}

for (const file of files) {
  const code = (await Bun.file(file).text()).replace(/^#!.*\n/, "\n");
  const from = area(file);
  const edges: string[] = [];
  for (const imp of transpiler.scanImports(code)) {
    const spec = imp.path;
    if (spec.startsWith(".")) {
      const target = resolve(dirname(file), spec);
      edges.push(target);
      const to = relative(src, target).startsWith("..") ? outsideArea(target) : area(target);
      if (to !== from && !(allowed[from] ?? []).includes(to)) {
        problems.push(`${relative(root, file)}: ${from} must not import ${to} (${spec})`);
      }
    } else if (from === "core" && !corePackages.has(spec)) {
      problems.push(`${relative(root, file)}: src/core is pure and must not import '${spec}'`);
    }
  }
  graph.set(file, edges);
}

// Cycle detection over relative imports (iterative DFS with colours).
const state = new Map<string, 1 | 2>();
for (const start of graph.keys()) {
  if (state.has(start)) continue;
  const stack: { node: string; next: number; path: string[] }[] = [{ node: start, next: 0, path: [start] }];
  state.set(start, 1);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const edges = graph.get(top.node) ?? [];
    if (top.next >= edges.length) {
      state.set(top.node, 2);
      stack.pop();
      continue;
    }
    const next = edges[top.next++]!;
    const target = graph.has(next)
      ? next
      : [".ts", ".tsx", "/index.ts"].map((e) => next + e).find((f) => graph.has(f));
    if (!target) continue;
    const s = state.get(target);
    if (s === 1) {
      const cycle = [...top.path.slice(top.path.indexOf(target)), target].map((f) => relative(root, f));
      problems.push(`import cycle: ${cycle.join(" → ")}`);
    } else if (s === undefined) {
      state.set(target, 1);
      stack.push({ node: target, next: 0, path: [...top.path, target] });
    }
  }
}

if (problems.length > 0) {
  console.error(`check-deps: ${problems.length} layering problem(s):\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(`check-deps: ${files.length} files, layering and cycles ok`);
