/**
 * `ringup admin product add|edit|price|deactivate` and `export products`: the catalog from the
 * command line, against a store or head office (both take `POST /products` and answer
 * `GET /settings`; head office sets prices with `PUT /prices`). An edit sends only the fields
 * given, so the product keeps the others.
 */
import { z } from "zod";
import { hqRoutes } from "../api/hq/routes.ts";
import { storeRoutes } from "../api/store/routes.ts";
import { currencyExponent, minorToDecimalString, parseMoneyToMinor } from "../core/money.ts";
import { productCodeSchema } from "../core/product-input.ts";
import type { CliIo } from "../shared/cli-io.ts";
import { type AdminClient, AdminError } from "./admin-client.ts";

export type ServerMode = "store" | "hq";

const UNITS = ["each", "kg", "lb", "l"] as const;

export const productArgsSchema = z.object({
  code: productCodeSchema,
  name: z.string().trim().min(1, "must not be empty").max(60).optional(),
  price: z.string().optional(),
  barcodes: z.string().optional(),
  taxClass: z.string().max(16).optional(),
  department: z.string().max(16).optional(),
  byWeight: z.enum(["true", "false"], { error: "must be true or false" }).optional(),
  unit: z.enum(UNITS, { error: `must be one of ${UNITS.join(", ")}` }).optional(),
  cost: z.string().optional(),
});
export type ProductArgs = z.infer<typeof productArgsSchema>;

export const priceArgsSchema = z.object({ code: productCodeSchema, price: z.string() });
export const codeArgsSchema = z.object({ code: productCodeSchema });
export const exportArgsSchema = z.object({ out: z.string().min(1).optional() });

const productSchema = z.looseObject({
  code: z.string(),
  name: z.string(),
  barcodes: z.array(z.string()),
  priceMinor: z.number().int(),
  taxClass: z.string().nullable(),
  department: z.string().nullable(),
  soldByWeight: z.boolean(),
  unit: z.string(),
  costMinor: z.number().int().nullable(),
  active: z.boolean(),
});
type Product = z.infer<typeof productSchema>;

async function exponentOf(client: AdminClient): Promise<number> {
  const settings = await client.request(
    client.atHq ? hqRoutes["GET /api/v1/settings"] : storeRoutes["GET /api/v1/settings"],
  );
  try {
    return currencyExponent(settings.currency);
  } catch {
    return 2;
  }
}

function money(text: string, what: string, exponent: number): number {
  try {
    const minor = parseMoneyToMinor(text.trim(), exponent);
    if (minor < 0) throw new AdminError(`--${what} ${text} is negative`);
    return minor;
  } catch (err) {
    if (err instanceof AdminError) throw err;
    throw new AdminError(
      `--${what} "${text}" is not an amount in the store currency (write it like 5.95, at most ${exponent} decimals)`,
    );
  }
}

async function existing(client: AdminClient, code: string): Promise<Product | null> {
  try {
    return await client.request(
      client.atHq ? hqRoutes["GET /api/v1/products/:code"] : storeRoutes["GET /api/v1/products/:code"],
      { params: { code } },
    );
  } catch (err) {
    const details = err instanceof AdminError ? z.object({ code: z.string() }).safeParse(err.details) : null;
    if (details?.success && ["UNKNOWN_CODE", "UNKNOWN_PRODUCT"].includes(details.data.code)) return null;
    throw err;
  }
}

function bodyOf(args: ProductArgs, exponent: number): Record<string, unknown> {
  const body: Record<string, unknown> = { code: args.code };
  if (args.name !== undefined) body.name = args.name;
  if (args.price !== undefined) body.priceMinor = money(args.price, "price", exponent);
  if (args.barcodes !== undefined) {
    body.barcodes = args.barcodes
      .split(",")
      .map((b) => b.trim())
      .filter((b) => b !== "");
  }
  if (args.taxClass !== undefined) body.taxClass = args.taxClass === "" ? null : args.taxClass;
  if (args.department !== undefined) body.department = args.department === "" ? null : args.department;
  if (args.byWeight !== undefined) body.soldByWeight = args.byWeight === "true";
  if (args.unit !== undefined) body.unit = args.unit;
  if (args.cost !== undefined) body.costMinor = args.cost === "" ? null : money(args.cost, "cost", exponent);
  return body;
}

function describe(p: Product, exponent: number): string {
  const price = minorToDecimalString(p.priceMinor, exponent);
  const extra = [
    p.department ? `department ${p.department}` : null,
    p.taxClass ? `tax class ${p.taxClass}` : null,
    p.soldByWeight ? `sold by weight (${p.unit})` : null,
    p.barcodes.length > 0 ? `barcodes ${p.barcodes.join(", ")}` : null,
    p.active ? null : "inactive",
  ].filter((x): x is string => x !== null);
  return `${p.code} ${p.name} at ${price}${extra.length > 0 ? `; ${extra.join("; ")}` : ""}`;
}

async function save(
  client: AdminClient,
  body: Record<string, unknown>,
  exponent: number,
  json: boolean,
  io: CliIo,
  verb: string,
) {
  const saved = await client.request(
    client.atHq ? hqRoutes["POST /api/v1/products"] : storeRoutes["POST /api/v1/products"],
    { body },
  );
  io.out(json ? JSON.stringify(saved, null, 2) : `${verb} ${describe(saved, exponent)}`);
}

export async function runProductAdd(client: AdminClient, args: ProductArgs, json: boolean, io: CliIo) {
  if (args.name === undefined || args.price === undefined) {
    throw new AdminError("product add: a new product needs --name and --price");
  }
  if (await existing(client, args.code)) {
    throw new AdminError(
      `product ${args.code} exists already; change it with 'ringup admin product edit --code ${args.code} …'`,
    );
  }
  const exponent = await exponentOf(client);
  await save(client, bodyOf(args, exponent), exponent, json, io, "added");
}

export async function runProductEdit(client: AdminClient, args: ProductArgs, json: boolean, io: CliIo) {
  const exponent = await exponentOf(client);
  const body = bodyOf(args, exponent);
  if (Object.keys(body).length === 1) {
    throw new AdminError("product edit: give at least one field to change (--name, --price, --barcodes, …)");
  }
  if (!(await existing(client, args.code))) {
    throw new AdminError(`product ${args.code} does not exist; add it with 'ringup admin product add'`);
  }
  await save(client, body, exponent, json, io, "changed");
}

export async function runProductPrice(
  client: AdminClient,
  mode: ServerMode,
  args: z.infer<typeof priceArgsSchema>,
  json: boolean,
  io: CliIo,
) {
  const exponent = await exponentOf(client);
  const priceMinor = money(args.price, "price", exponent);
  if (mode === "hq") {
    const result = await client.request(hqRoutes["PUT /api/v1/prices"], {
      body: { code: args.code, priceMinor },
    });
    io.out(
      json
        ? JSON.stringify(result, null, 2)
        : `${args.code}: chain price ${minorToDecimalString(priceMinor, exponent)} (${result.status}); stores get it by replication`,
    );
    return;
  }
  if (!(await existing(client, args.code))) throw new AdminError(`product ${args.code} does not exist`);
  await save(client, { code: args.code, priceMinor }, exponent, json, io, "changed");
}

export async function runProductDeactivate(client: AdminClient, code: string, json: boolean, io: CliIo) {
  if (!(await existing(client, code))) throw new AdminError(`product ${code} does not exist`);
  await save(client, { code, active: false }, await exponentOf(client), json, io, "deactivated");
}

const EXPORT_COLUMNS = "code,name,price,barcodes,taxClass,department,soldByWeight,unit,cost,active";

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A product as a row of the plain CSV import format (docs/import-formats.md), plus `active`. */
function csvRow(p: Product, exponent: number): string {
  return [
    p.code,
    p.name,
    minorToDecimalString(p.priceMinor, exponent),
    p.barcodes.join("|"),
    p.taxClass ?? "",
    p.department ?? "",
    String(p.soldByWeight),
    p.unit,
    p.costMinor === null ? "" : minorToDecimalString(p.costMinor, exponent),
    String(p.active),
  ]
    .map(csvField)
    .join(",");
}

async function allProducts(client: AdminClient, mode: ServerMode): Promise<Product[]> {
  if (mode === "hq") return (await client.request(hqRoutes["GET /api/v1/products"])).products;
  const byCode = new Map<string, Product>();
  let since = 0;
  for (;;) {
    const page = await client.request(storeRoutes["GET /api/v1/products/changes"], {
      query: { since, limit: 5000 },
    });
    for (const p of page.products) byCode.set(p.code, { ...p, costMinor: p.costMinor ?? null });
    if (page.products.length < 5000 || page.lastSeq === since) break;
    since = page.lastSeq;
  }
  return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** Every product as CSV, to stdout or a file; the file imports back with `import products`. */
export async function runExportProducts(
  client: AdminClient,
  mode: ServerMode,
  args: z.infer<typeof exportArgsSchema>,
  io: CliIo,
) {
  const exponent = await exponentOf(client);
  const products = await allProducts(client, mode);
  const text = [EXPORT_COLUMNS, ...products.map((p) => csvRow(p, exponent))].join("\n");
  if (args.out === undefined) {
    io.out(text);
    return;
  }
  await Bun.write(args.out, `${text}\n`);
  io.err(`exported ${products.length} products to ${args.out}`);
}
