/**
 * The layering of DESIGN.md, checked by `bun run lint` (scripts/check-deps.ts runs it):
 * code depends inward (the CLI → modes → shared → core), `src/core` is pure, the tiers never
 * import each other, no mode imports the CLI, and no import cycle exists. Type-only imports
 * count like any other (`tsPreCompilationDeps`): a cycle through types is still a cycle.
 */

/** A rule that lets files of one area import only the given areas (plus themselves). */
function onlyImports(name, area, allowed, comment) {
  const inside = [area, ...allowed].map((a) => `^src/${a}/`);
  return {
    name,
    comment,
    severity: "error",
    from: { path: `^src/${area}/` },
    to: {
      path: "^(src|schema)/|^package\\.json$",
      pathNot: [
        ...inside,
        ...(allowed.includes("schema") ? ["^schema/"] : []),
        ...(allowed.includes("package.json") ? ["^package\\.json$"] : []),
      ],
    },
  };
}

module.exports = {
  forbidden: [
    {
      name: "no-cycle",
      comment: "Modules form no import cycle, type-only imports included.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "core-is-pure",
      comment: "src/core does no I/O: it imports only other core files and zod.",
      severity: "error",
      from: { path: "^src/core/" },
      to: { pathNot: ["^src/core/", "^node_modules/zod/"] },
    },
    onlyImports(
      "api-imports-core-only",
      "api",
      ["core"],
      "The HTTP contract (schemas of every request, answer and error body) stands on core alone.",
    ),
    onlyImports("devices-import-core-only", "devices", ["core"], "Device drivers stand on core alone."),
    onlyImports(
      "shared-imports-core-and-api",
      "shared",
      ["core", "api"],
      "Shared plumbing stands on core and the contract.",
    ),
    onlyImports(
      "store-server-layering",
      "store-server",
      ["core", "api", "shared", "schema", "package.json"],
      "The store server imports no other mode, no devices and not the CLI.",
    ),
    onlyImports(
      "hq-layering",
      "hq",
      ["core", "api", "shared", "schema", "package.json"],
      "HQ imports no other mode, no devices and not the CLI.",
    ),
    onlyImports(
      "till-layering",
      "till",
      ["core", "api", "shared", "devices", "schema", "package.json"],
      "The till never imports the store server, HQ or the CLI.",
    ),
    onlyImports(
      "kds-layering",
      "kds",
      ["core", "api", "shared", "package.json"],
      "The kitchen display talks to the store through its API only.",
    ),
    onlyImports(
      "samples-layering",
      "samples",
      ["core", "store-server"],
      "The sample-data loaders (demo, benchmarks) use core and the store's catalog importer.",
    ),
    onlyImports(
      "cli-layering",
      "cli",
      ["core", "api", "shared", "store-server", "hq", "till", "kds", "devices", "samples", "package.json"],
      "The CLI may start every mode, but takes nothing from outside src/ except package.json.",
    ),
    {
      name: "till-program-loads-the-till-only",
      comment:
        "The binary's `ringup till` entry reaches no other mode's code, no other command's definition and not the whole store API's table: a kiosk's till loads only what it runs.",
      severity: "error",
      from: { path: "^src/cli/till-program\\.ts$" },
      to: {
        path: "^src/(store-server|hq|kds|samples)/|^src/cli/(program|runners|admin[^/]*)\\.ts$|^src/api/store/routes\\.ts$|^src/api/openapi\\.ts$",
        reachable: true,
      },
    },
    {
      name: "entry-imports-cli-only",
      comment: "src/cli.ts only hands argv to the CLI.",
      severity: "error",
      from: { path: "^src/cli\\.ts$" },
      to: { path: "^(src|schema)/|^package\\.json$", pathNot: "^src/cli/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Type-only imports are dependencies too. The TypeScript parser dependency-cruiser can drive
    // predates TypeScript 7, so it parses with swc, which always reports type-only imports.
    tsPreCompilationDeps: true,
    parser: "swc",
    enhancedResolveOptions: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      conditionNames: ["import", "bun", "node", "default"],
    },
  },
};
