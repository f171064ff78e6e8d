/** The store's answers about stock documents (`/stock/documents`), read leniently. */
import { z } from "zod";

const int = z.number().int();
const str = z.string();
const docType = z.enum([
  "receipt",
  "issue",
  "writeoff",
  "count",
  "adjustment",
  "transfer_out",
  "transfer_in",
]);
const status = z.enum(["draft", "posted"]);

/** A stock document with its lines (`POST /stock/documents`, `…/:id/post`, `GET …/:id`). */
export const stockDocumentAnswerSchema = z.looseObject({
  id: str,
  number: int,
  type: docType,
  status,
  location: str,
  reason: str.nullable(),
  toStore: str.nullable(),
  transferId: str.nullable(),
  transferStatus: z.enum(["in_transit", "received"]).nullable(),
  userId: str.nullable(),
  createdAt: str,
  postedBy: str.nullable(),
  postedAt: str.nullable(),
  approvedBy: str.nullable(),
  totalCostMinor: int.nullable(),
  mode: z.enum(["full", "partial", "cycle"]).nullable().optional(),
  countedAt: str.nullable().optional(),
  department: str.nullable().optional(),
  category: str.nullable().optional(),
  lines: z.array(
    z.looseObject({
      lineNo: int,
      code: str,
      name: str.nullable(),
      qty: z.number(),
      qtyMilli: int,
      countedMilli: int,
      systemMilli: int,
      differenceMilli: int,
      movementId: int.nullable(),
      location: str,
      lot: str.nullable(),
      expiry: str.nullable(),
      unitCostMinor: int.nullable(),
      expectedMilli: int.nullable(),
    }),
  ),
});
export type StockDocumentAnswer = z.infer<typeof stockDocumentAnswerSchema>;

/** `GET /stock/documents`: newest first. */
export const stockDocumentsAnswerSchema = z.looseObject({
  documents: z.array(
    z.looseObject({
      id: str,
      number: int,
      type: docType,
      status,
      location: str,
      reason: str.nullable(),
      lineCount: int,
      createdAt: str,
      postedAt: str.nullable(),
    }),
  ),
});
