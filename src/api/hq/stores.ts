/** Shapes of head office's stores API: one zod schema each, types inferred. */
import { z } from "zod";
import { storeIdSchema } from "../../core/ids.ts";
import { storeSettingsSchema } from "../../core/settings.ts";
import type { Divergence } from "./store-journal.ts";

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const storeInputSchema = z.strictObject({
  storeId: storeIdSchema,
  name: z.string().trim().min(1, "must not be empty").max(60, "must be at most 60 characters"),
  timeZone: z
    .string()
    .refine(isTimeZone, "must be an IANA time zone such as Europe/Paris or America/New_York")
    .optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as USD or EUR")
    .optional(),
});
export type StoreInput = z.infer<typeof storeInputSchema>;

export const storeParamsSchema = z.object({ id: storeIdSchema });

/**
 * PUT /stores/:id/settings: the whole settings object (absent keys take their defaults); unknown
 * keys refused here, while readers of settings stay lenient (a till reading a newer store's).
 */
export const storeSettingsInputSchema = storeSettingsSchema.strict();

/** A store as `GET /stores` answers it: registry entry and replication state. */
export interface StoreStatus {
  storeId: string;
  /** null for a store that sent events without being registered. */
  name: string | null;
  registered: boolean;
  timeZone: string | null;
  currency: string | null;
  /** Highest sequence applied at HQ without a gap (0 before the first event). */
  lastSeq: number;
  /** The store's time of the event at lastSeq. */
  lastEventAt: string | null;
  /**
   * How far HQ's copy trails the store, in seconds: while HQ waits on a gap in the store's
   * sequence, the time since the last event applied before it; otherwise the delay with which
   * the last event arrived.
   */
  lagSeconds: number;
  /** Open dead letters: messages from this store HQ could not apply, kept with their reason. */
  deadLetters: number;
  /** The oldest open dead letter (the one to work first), or null. */
  oldestDeadLetter: { id: number; seq: number | null; reason: string; receivedAt: string } | null;
  /** The store's events parked at HQ behind a dead letter or a gap, waiting to be applied in order. */
  heldBack: number;
  /** The first missing sequence and since when HQ waits on it, when a gap is open. */
  gap: { fromSeq: number; since: string } | null;
  /** The hash of the event at lastSeq (null before the first). */
  lastHash: string | null;
  /**
   * Set when the store's journal and head office's copy disagree (a store restored from an
   * older copy, lost writes, a forked chain): what, since when, and the fix. Never ignore it.
   */
  diverged: Divergence | null;
  createdAt: string | null;
}

/** What a new store needs to connect; shown once. */
export interface StoreCredentials {
  /** Bearer token with scope store:<id> for the store's own calls to this API. */
  apiToken: string;
  nats: { user: string; password: string };
  /** The same NATS credentials as a file for `ringup store --nats-creds FILE`. */
  natsCredsFile: string;
}

/** `GET /stores`: what its readers (the CLI, the console, monitoring) rely on. */
export const storesAnswerSchema = z.object({
  stores: z.array(
    z.looseObject({
      storeId: z.string(),
      lastSeq: z.number().int(),
      lagSeconds: z.number(),
      deadLetters: z.number().int(),
      oldestDeadLetter: z
        .looseObject({ id: z.number().int(), seq: z.number().int().nullable(), reason: z.string() })
        .nullable(),
      heldBack: z.number().int(),
    }),
  ),
});
