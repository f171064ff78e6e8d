/**
 * `ringup admin stock receive|issue|writeoff|transfer-out|transfer-in|adjust|post|list|show|pdf`:
 * stock documents at the store (`/stock/documents`). Lines come from a CSV file (`code,qty`
 * then optionally `unitCostMinor,lot,expiry`; comma, semicolon or tab, as the product import
 * reads them) or from repeated `--line CODE:QTY[:COST]`. A document is kept as a draft unless
 * `--post` posts it at once.
 */
import { z } from "zod";
import { storeRoutes } from "../api/store/routes.ts";
import type { StockDocumentAnswer } from "../api/store/stock-document-answers.ts";
import { stockDocumentRequestSchema } from "../api/store/stock-documents.ts";
import { uuidv7 } from "../core/ids.ts";
import { milliToDecimalString } from "../core/quantity.ts";
import type { CliIo } from "../shared/cli-io.ts";
import { readCsvRecords } from "../store-server/imports/index.ts";
import { type AdminClient, AdminError } from "./admin-client.ts";

/** The CLI's verbs for each document type. */
export const STOCK_DOCUMENT_VERBS = {
  receive: "receipt",
  issue: "issue",
  writeoff: "writeoff",
  "transfer-out": "transfer_out",
  "transfer-in": "transfer_in",
  adjust: "adjustment",
} as const;
export type StockDocumentVerb = keyof typeof STOCK_DOCUMENT_VERBS;

const QTY = /^-?\d{1,5}(\.\d{1,3})?$/;
/** The document's fields as the store takes them: checked here with the store's own rules. */
const request = stockDocumentRequestSchema.shape;

export const stockDocumentArgsSchema = z
  .object({
    file: z.string().min(1, "give the CSV file of lines").optional(),
    line: z.array(z.string()).default([]),
    post: z.boolean().default(false),
    reason: request.reason,
    location: request.location,
    toStore: request.toStore,
    transfer: request.transferId,
    approvalPin: request.approvalPin,
    id: z.uuid("must be a UUID (repeat it to retry the same document safely)").optional(),
  })
  .refine((a) => a.file !== undefined || a.line.length > 0, {
    path: ["line"],
    message: "give the lines with --file F or --line CODE:QTY[:COST]",
  });
export type StockDocumentArgs = z.infer<typeof stockDocumentArgsSchema>;

export const stockDocumentIdArgsSchema = z.object({ id: z.uuid("must be a stock document's id") });
export const stockPdfArgsSchema = stockDocumentIdArgsSchema.extend({
  out: z.string().min(1, "give the file to write with --out"),
});
export const stockListArgsSchema = z.object({
  type: z
    .enum(Object.keys(STOCK_DOCUMENT_VERBS) as [StockDocumentVerb, ...StockDocumentVerb[]], {
      error: `must be one of ${Object.keys(STOCK_DOCUMENT_VERBS).join(", ")}, count`,
    })
    .or(z.literal("count"))
    .optional(),
  status: z.enum(["draft", "posted"], { error: "must be draft or posted" }).optional(),
  limit: z
    .string()
    .regex(/^\d{1,3}$/, "must be a number of documents, at most 500")
    .optional(),
});

interface DocumentLine {
  code: string;
  qty: string;
  unitCostMinor?: number;
  lot?: string;
  expiry?: string;
}

function costOf(raw: string, where: string): number {
  if (!/^\d{1,12}$/.test(raw)) {
    throw new AdminError(`${where}: the unit cost must be a whole number of minor units (e.g. 125 for 1.25)`);
  }
  return Number(raw);
}

function qtyOf(raw: string, where: string): string {
  if (!QTY.test(raw)) throw new AdminError(`${where}: the quantity must be a number such as 12 or 0.455`);
  return raw;
}

/** `--line CODE:QTY[:COST]`. */
export function parseLineArg(arg: string): DocumentLine {
  const where = `--line ${arg}`;
  const parts = arg.split(":");
  const [code = "", qty = "", cost] = parts;
  if (parts.length > 3 || code.trim() === "")
    throw new AdminError(`${where}: write it as CODE:QTY or CODE:QTY:COST`);
  return {
    code: code.trim(),
    qty: qtyOf(qty.trim(), where),
    ...(cost !== undefined && cost.trim() !== "" ? { unitCostMinor: costOf(cost.trim(), where) } : {}),
  };
}

/** A CSV file of lines: `code,qty[,unitCostMinor,lot,expiry]`, with or without that header. */
export function parseLinesCsv(content: string, file: string): DocumentLine[] {
  const { records, errors } = readCsvRecords(content);
  const first = errors[0];
  if (first) throw new AdminError(`${file} line ${first.line ?? "?"}: ${first.reason}`);
  const lines: DocumentLine[] = [];
  for (const [i, { fields, line }] of records.entries()) {
    const [code = "", qty = "", cost = "", lot = "", expiry = ""] = fields.map((f) => f.trim());
    if (i === 0 && code.toLowerCase() === "code") continue;
    const where = `${file} line ${line}`;
    if (code === "") throw new AdminError(`${where}: the first column is the product's code`);
    lines.push({
      code,
      qty: qtyOf(qty, where),
      ...(cost !== "" ? { unitCostMinor: costOf(cost, where) } : {}),
      ...(lot !== "" ? { lot } : {}),
      ...(expiry !== "" ? { expiry } : {}),
    });
  }
  if (lines.length === 0) throw new AdminError(`${file} has no lines: write code,qty on each line`);
  return lines;
}

async function linesOf(args: StockDocumentArgs): Promise<DocumentLine[]> {
  const lines: DocumentLine[] = [];
  if (args.file !== undefined) {
    const file = Bun.file(args.file);
    if (!(await file.exists())) throw new AdminError(`--file ${args.file} does not exist`);
    lines.push(...parseLinesCsv(await file.text(), args.file));
  }
  for (const arg of args.line) lines.push(parseLineArg(arg));
  return lines;
}

function describe(doc: StockDocumentAnswer): string[] {
  const head = [
    `${doc.type} ${doc.number} (${doc.status}) ${doc.id}`,
    `  location ${doc.location}${doc.reason ? `, reason: ${doc.reason}` : ""}${doc.toStore ? `, to store ${doc.toStore}` : ""}${doc.transferId ? `, transfer ${doc.transferId}` : ""}${doc.transferStatus ? ` (${doc.transferStatus.replace("_", " ")})` : ""}`,
  ];
  const lines = doc.lines.map((l) => {
    const extra = [
      l.unitCostMinor !== null ? `cost ${l.unitCostMinor}` : "",
      l.lot ? `lot ${l.lot}` : "",
      l.expiry ? `expiry ${l.expiry}` : "",
      l.expectedMilli !== null ? `sent ${milliToDecimalString(l.expectedMilli)}` : "",
    ].filter((s) => s !== "");
    const diff = l.differenceMilli;
    const sign = diff < 0 ? "-" : "+";
    return `  ${l.lineNo}. ${l.code}${l.name ? ` ${l.name}` : ""} qty ${milliToDecimalString(l.qtyMilli)} (${sign}${milliToDecimalString(Math.abs(diff))})${extra.length ? `, ${extra.join(", ")}` : ""}`;
  });
  const total = doc.totalCostMinor !== null ? [`  total cost ${doc.totalCostMinor}`] : [];
  return [...head, ...lines, ...total];
}

function show(doc: StockDocumentAnswer, json: boolean, io: CliIo): void {
  io.out(json ? JSON.stringify(doc, null, 2) : describe(doc).join("\n"));
}

/** A document of one type, from the lines given; posted at once with `--post`. */
export async function runStockDocument(
  client: AdminClient,
  verb: StockDocumentVerb,
  args: StockDocumentArgs,
  json: boolean,
  io: CliIo,
): Promise<void> {
  const body = {
    id: args.id ?? uuidv7(),
    type: STOCK_DOCUMENT_VERBS[verb],
    post: args.post,
    ...(args.reason ? { reason: args.reason } : {}),
    ...(args.location ? { location: args.location } : {}),
    ...(args.toStore ? { toStore: args.toStore } : {}),
    ...(args.transfer ? { transferId: args.transfer } : {}),
    ...(args.approvalPin ? { approvalPin: args.approvalPin } : {}),
    lines: await linesOf(args),
  };
  const doc = await client.request(storeRoutes["POST /api/v1/stock/documents"], { body });
  show(doc, json, io);
}

export async function runStockPost(client: AdminClient, id: string, json: boolean, io: CliIo): Promise<void> {
  const doc = await client.request(storeRoutes["POST /api/v1/stock/documents/:id/post"], { params: { id } });
  show(doc, json, io);
}

export async function runStockShow(client: AdminClient, id: string, json: boolean, io: CliIo): Promise<void> {
  const doc = await client.request(storeRoutes["GET /api/v1/stock/documents/:id"], { params: { id } });
  show(doc, json, io);
}

export async function runStockList(
  client: AdminClient,
  args: z.infer<typeof stockListArgsSchema>,
  json: boolean,
  io: CliIo,
): Promise<void> {
  const type =
    args.type === undefined ? undefined : args.type === "count" ? "count" : STOCK_DOCUMENT_VERBS[args.type];
  const answer = await client.request(storeRoutes["GET /api/v1/stock/documents"], {
    query: {
      ...(type ? { type } : {}),
      ...(args.status ? { status: args.status } : {}),
      ...(args.limit ? { limit: Number(args.limit) } : {}),
    },
  });
  if (json) {
    io.out(JSON.stringify(answer, null, 2));
    return;
  }
  if (answer.documents.length === 0) {
    io.out("no stock documents");
    return;
  }
  for (const d of answer.documents) {
    io.out(
      `${String(d.number).padStart(6)}  ${d.type.padEnd(12)} ${d.status.padEnd(6)} ${String(d.lineCount).padStart(5)} lines  ${d.location}  ${d.postedAt ?? d.createdAt}  ${d.id}`,
    );
  }
}

/** The document as an A4 PDF, written to `--out`. */
export async function runStockPdf(
  client: AdminClient,
  args: z.infer<typeof stockPdfArgsSchema>,
  json: boolean,
  io: CliIo,
): Promise<void> {
  const res = await client.download("GET", `/stock/documents/${args.id}.pdf`);
  const bytes = await res.arrayBuffer();
  await Bun.write(args.out, bytes);
  io.out(
    json
      ? JSON.stringify({ id: args.id, out: args.out, bytes: bytes.byteLength })
      : `wrote ${args.out} (${bytes.byteLength} bytes)`,
  );
}
