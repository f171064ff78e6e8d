/**
 * Shapes of head office's customers API: customers, questionnaire fields and customer groups.
 * One zod schema per body, query and answer; types inferred. Cards and accounts are in
 * `./accounts.ts`.
 */
import { z } from "zod";

const int = z.number().int();
const str = z.string();

/** Ids of customers, groups and fields: letters, digits, `_`, `-`, `.`, `:` (at most 64). */
export const customerIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, "must be 1–64 letters, digits, '_', '-', '.' or ':'");
export const groupIdSchema = customerIdSchema;
export const fieldIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,31}$/, "must be 1–32 lower-case letters, digits or '_', starting with a letter");

/** A phone number as people write it: digits with spaces, dashes, dots or brackets, an optional leading `+`. */
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ().-]{6,24}$/, "must be a phone number such as +1 555 010 0100 (digits, spaces, dashes)")
  .transform((s) => (s.startsWith("+") ? "+" : "") + s.replace(/\D/g, ""))
  .refine((s) => /^\+?[0-9]{6,15}$/.test(s), "must have 6 to 15 digits");
export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email("must be an e-mail address such as ana@example.com"))
  .transform((s) => s.toLowerCase());
export const birthdaySchema = z.iso.date("must be a date such as 1990-04-01");

const answerSchema = z.union([z.string().max(200), z.number(), z.boolean(), z.null()]);

export const customerInputSchema = z.strictObject({
  id: customerIdSchema.optional(),
  name: z.string().trim().min(1, "must not be empty").max(120),
  phone: phoneSchema.nullable().optional(),
  email: emailSchema.nullable().optional(),
  birthday: birthdaySchema.nullable().optional(),
  address: z.string().trim().max(300).nullable().optional(),
  /** Consent name → given (e.g. `{"email": true, "sms": false}`). */
  consents: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,31}$/), z.boolean()).optional(),
  /** Groups by hand (group ids). */
  groups: z.array(groupIdSchema).max(50).optional(),
  /** Answers to head office's questionnaire fields: field id → answer (null clears). */
  fields: z.record(fieldIdSchema, answerSchema).optional(),
  notes: z.string().max(2000).nullable().optional(),
});
export type CustomerInput = z.infer<typeof customerInputSchema>;

export const customerPatchSchema = customerInputSchema.omit({ id: true }).partial();
export type CustomerPatch = z.infer<typeof customerPatchSchema>;

export const customerParamsSchema = z.object({ id: customerIdSchema });

export const customersQuerySchema = z.object({
  /** Any of name (part), phone, e-mail or card number. */
  q: z.string().trim().min(1).max(120).optional(),
  name: z.string().trim().min(1).max(120).optional(),
  phone: phoneSchema.optional(),
  email: emailSchema.optional(),
  card: z.string().trim().min(1).max(32).optional(),
  /** Resume after this id (the `next` of the previous page). */
  after: customerIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type CustomersQuery = z.infer<typeof customersQuerySchema>;

export const mergeInputSchema = z.strictObject({ into: customerIdSchema });

export const bulkCustomersSchema = z.strictObject({
  customers: z
    .array(z.looseObject({ line: z.number().int().positive().optional() }))
    .min(1)
    .max(5_000),
});

/** A customer as head office answers it. */
export const customerAnswerSchema = z.looseObject({
  id: str,
  name: str,
  phone: str.nullable(),
  email: str.nullable(),
  birthday: str.nullable(),
  address: str.nullable(),
  consents: z.record(str, z.boolean()),
  groups: z.array(str),
  fields: z.record(str, answerSchema),
  notes: str.nullable(),
  cards: z.array(str),
  mergedInto: str.nullable(),
  erased: z.boolean(),
  createdAt: str,
  updatedAt: str,
});
export type CustomerAnswer = z.infer<typeof customerAnswerSchema>;

export const customersAnswerSchema = z.looseObject({
  customers: z.array(customerAnswerSchema),
  /** Give as `after` for the next page; null on the last. */
  next: str.nullable(),
});

export const bulkCustomersAnswerSchema = z.looseObject({
  created: int,
  updated: int,
  unchanged: int,
  errors: z.array(z.looseObject({ line: int.nullable(), id: str.nullable(), reason: str })),
});
export type BulkCustomersAnswer = z.infer<typeof bulkCustomersAnswerSchema>;

/** `GET /customers/:id/export`: everything head office holds about the customer. */
export const customerExportAnswerSchema = z.looseObject({
  exportedAt: str,
  customer: customerAnswerSchema,
  cards: z.array(z.looseObject({ number: str, kind: str })),
  ledger: z.array(z.looseObject({ card: str, unit: str, type: str, amount: int, at: str })),
  sales: z.array(z.looseObject({ id: str, storeId: str, at: str, totalMinor: int })),
});

export const fieldInputSchema = z
  .strictObject({
    id: fieldIdSchema,
    label: z.string().trim().min(1).max(80),
    type: z.enum(["text", "number", "boolean", "date", "choice"]),
    choices: z.array(z.string().min(1).max(80)).min(1).max(50).optional(),
  })
  .refine((f) => (f.type === "choice") === (f.choices !== undefined), {
    path: ["choices"],
    message: "a choice field needs choices, and only a choice field has them",
  });
export type FieldInput = z.infer<typeof fieldInputSchema>;

export const fieldAnswerSchema = z.looseObject({
  id: str,
  label: str,
  type: str,
  choices: z.array(str).nullable(),
});
export const fieldsAnswerSchema = z.looseObject({ fields: z.array(fieldAnswerSchema) });

/**
 * A group's rule: every condition must hold. `field` compares a questionnaire answer
 * (`equals`, or `atLeast`/`atMost` for numbers); `spend` is what the customer spent in the last
 * `days` days (all time without `days`), in minor units.
 */
export const groupConditionSchema = z.union([
  z.strictObject({
    field: fieldIdSchema,
    equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
    atLeast: z.number().optional(),
    atMost: z.number().optional(),
  }),
  z.strictObject({
    spend: z.strictObject({
      atLeastMinor: z.number().int().min(0),
      days: z.number().int().min(1).max(3660).optional(),
    }),
  }),
]);
export const groupRuleSchema = z.strictObject({ all: z.array(groupConditionSchema).min(1).max(10) });
export type GroupRule = z.infer<typeof groupRuleSchema>;
export type GroupCondition = z.infer<typeof groupConditionSchema>;

export const groupInputSchema = z.strictObject({
  id: groupIdSchema,
  name: z.string().trim().min(1).max(80),
  discount: z
    .strictObject({
      percent: z
        .number()
        .gt(0, "must be more than 0")
        .max(100, "must be at most 100")
        .refine(
          (p) => Number.isInteger(Math.round(p * 100)) && Math.abs(p * 100 - Math.round(p * 100)) < 1e-9,
          {
            message: "must have at most two decimals",
          },
        ),
    })
    .nullable()
    .optional(),
  rule: groupRuleSchema.nullable().optional(),
});
export type GroupInput = z.infer<typeof groupInputSchema>;

export const groupAnswerSchema = z.looseObject({
  id: str,
  name: str,
  discount: z.looseObject({ percent: z.number() }).nullable(),
  rule: groupRuleSchema.nullable(),
  members: int,
});
export const groupsAnswerSchema = z.looseObject({ groups: z.array(groupAnswerSchema) });
export const groupsRefreshAnswerSchema = z.looseObject({
  groups: z.array(z.looseObject({ id: str, members: int, added: int, removed: int })),
});

/** `GET /reports/customers`: per customer over business days from…to, and over their whole history. */
export const customerReportQuerySchema = z.object({
  from: z.iso.date("must be a date such as 2026-03-01"),
  to: z.iso.date("must be a date such as 2026-03-31"),
  storeId: z.string().min(1).max(32).optional(),
  sort: z.enum(["spend", "visits", "recency", "lifetime"]).default("spend"),
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
});
export type CustomerReportQuery = z.infer<typeof customerReportQuerySchema>;

export const customerReportAnswerSchema = z.looseObject({
  from: str,
  to: str,
  customers: z.array(
    z.looseObject({
      customerId: str,
      name: str.nullable(),
      /** Sales in the range (a visit is a completed sale). */
      visits: int,
      /** Sales minus returns in the range, minor units. */
      spendMinor: int,
      averageBasketMinor: int,
      lastVisit: str.nullable(),
      /** Whole days from the last visit (any time) to `to`. */
      recencyDays: int.nullable(),
      /** Visits per 30 days between the first visit and `to`. */
      visitsPer30Days: z.number(),
      lifetimeVisits: int,
      /** Everything the customer has spent, sales minus returns: their lifetime value. */
      lifetimeSpendMinor: int,
    }),
  ),
});

export const groupActivityAnswerSchema = z.looseObject({
  from: str,
  to: str,
  groups: z.array(
    z.looseObject({ id: str, name: str, members: int, activeMembers: int, visits: int, spendMinor: int }),
  ),
});

export const liabilityAnswerSchema = z.looseObject({
  /** Points on cards not blocked, and what they are worth at the current point value. */
  points: int,
  pointsValueMinor: int,
  /** Money on gift cards and store credit. */
  moneyMinor: int,
  heldPoints: int,
  heldMinor: int,
  cards: int,
});
