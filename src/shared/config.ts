/**
 * Configuration for every mode: command-line flags win over `RINGUP_*` environment variables
 * (commander reads both), which win over the TOML file given with `--config`, which wins over
 * defaults. The merged object is validated with zod once, and a wrong value names the flag,
 * environment variable or TOML key it came from and what is allowed.
 */
import type { Command } from "commander";
import type { z } from "zod";
import { DomainError } from "../core/errors.ts";

export class ConfigError extends DomainError {
  readonly code = "INVALID_CONFIG";
}

export type ConfigSource = "flag" | "env" | "file" | "default";

/** Reads and parses a TOML config file; a missing or malformed file is a ConfigError. */
export async function readTomlFile(path: string): Promise<Record<string, unknown>> {
  const file = Bun.file(path);
  if (!(await file.exists())) {
    throw new ConfigError(`config file ${path} does not exist: check the --config path`);
  }
  const text = await file.text();
  let parsed: unknown;
  try {
    parsed = Bun.TOML.parse(text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ConfigError(`config file ${path} is not valid TOML: ${reason}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(`config file ${path} must be a TOML table of settings`);
  }
  return parsed as Record<string, unknown>;
}

export function flagName(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

export function envName(key: string): string {
  return `RINGUP_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
}

interface Merged {
  values: Record<string, unknown>;
  sources: Map<string, ConfigSource>;
}

/** Merges commander's parsed options (flags and env) over a TOML table. */
export function mergeOptions(command: Command, file: Record<string, unknown>): Merged {
  const values: Record<string, unknown> = { ...file };
  const sources = new Map<string, ConfigSource>();
  for (const key of Object.keys(file)) sources.set(key, "file");
  const opts = command.opts();
  for (const [key, value] of Object.entries(opts)) {
    if (value === undefined) continue;
    const source = command.getOptionValueSource(key);
    if (source === "default" && key in file) continue;
    values[key] = value;
    sources.set(key, source === "env" ? "env" : source === "cli" ? "flag" : "default");
  }
  return { values, sources };
}

function describeKey(key: string, source: ConfigSource | undefined, configPath: string | undefined): string {
  switch (source) {
    case "flag":
      return `flag ${flagName(key)}`;
    case "env":
      return `environment variable ${envName(key)}`;
    case "file":
      return `key "${key}" in ${configPath ?? "the config file"}`;
    default:
      return `setting "${key}" (${flagName(key)})`;
  }
}

/**
 * Validates the merged configuration. Zod issues become one ConfigError whose message names
 * where each bad value came from and what is allowed.
 */
export function validateConfig<S extends z.ZodType>(
  schema: S,
  merged: Merged,
  configPath: string | undefined,
): z.infer<S> {
  const result = schema.safeParse(merged.values);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const top = issue.path[0];
    const key = typeof top === "string" ? top : undefined;
    const where = key ? describeKey(key, merged.sources.get(key), configPath) : "configuration";
    const rest = issue.path.slice(1).join(".");
    return `${where}${rest ? ` (${rest})` : ""}: ${issue.message}`;
  });
  throw new ConfigError(`invalid configuration:\n  ${problems.join("\n  ")}`, { issues: problems });
}

/** Loads a mode's configuration from its command, its --config file and the schema. */
export async function loadConfig<S extends z.ZodType>(command: Command, schema: S): Promise<z.infer<S>> {
  const configPath = command.getOptionValue("config") as string | undefined;
  const file = configPath ? await readTomlFile(configPath) : {};
  return validateConfig(schema, mergeOptions(command, file), configPath);
}
