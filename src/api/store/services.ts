/**
 * Shapes of the services API (CONTRACT.md, "Restaurant, services, delivery"): services with a
 * duration and their staff, packages of visits, commission rules and the commissions report,
 * bookings with the staff calendar and free slots, and a customer's service card.
 */
import { z } from "zod";
import { refId } from "../../core/events/fields.ts";
import {
  ruleTargetShape,
  serviceDefinitionSchema,
  withRuleChoices,
} from "../../core/services/definitions.ts";
import { cardNumberField } from "./sales.ts";

const productCode = z.string().trim().min(1, "must not be empty").max(32, "must be at most 32 characters");
const staffId = z.string().trim().min(1, "must not be empty").max(40, "must be at most 40 characters");
const int = z.number().int();
const day = z.iso.date("must be a date YYYY-MM-DD");
const instant = z.iso.datetime({ error: "must be an ISO 8601 UTC time", offset: true });

/** The same definition as head office's (src/core/services/definitions.ts). */
export const serviceRequestSchema = serviceDefinitionSchema;
export type ServiceRequest = z.infer<typeof serviceRequestSchema>;

/** Where a service or commission rule was defined. */
export const DEFINITION_ORIGINS = ["store", "hq"] as const;

export const serviceAnswerSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(["service", "package"]),
  durationMin: int.nullable(),
  staffIds: z.array(z.string()),
  serviceCode: z.string().nullable(),
  visits: int.nullable(),
  priceMinor: int,
  /** Defined at this store, or at head office (which wins for the same code). */
  origin: z.enum(DEFINITION_ORIGINS),
});
export type ServiceAnswer = z.infer<typeof serviceAnswerSchema>;
export const servicesAnswerSchema = z.object({ services: z.array(serviceAnswerSchema) });

export const commissionRuleRequestSchema = withRuleChoices(
  z.strictObject({
    ...ruleTargetShape,
    /** Percent of the line's net price (after discounts, without tax), as decimal text. */
    percent: z
      .string()
      .regex(/^\d{1,3}(\.\d{1,4})?$/, 'must be a percent such as "10" or "12.5"')
      .optional(),
    /** A fixed amount per unit of the service. */
    fixedMinor: int.min(0, "must not be negative").max(100_000_000).optional(),
  }),
);
export type CommissionRuleRequest = z.infer<typeof commissionRuleRequestSchema>;

export const commissionRuleAnswerSchema = z.object({
  id: z.string(),
  staffId: z.string().nullable(),
  serviceCode: z.string().nullable(),
  category: z.string().nullable(),
  percent: z.string().nullable(),
  fixedMinor: int.nullable(),
  /** Defined at this store, or at head office (which wins for the same id). */
  origin: z.enum(DEFINITION_ORIGINS),
});
export type CommissionRule = z.infer<typeof commissionRuleAnswerSchema>;
export const commissionRulesAnswerSchema = z.object({ rules: z.array(commissionRuleAnswerSchema) });

export const commissionsQuerySchema = z
  .object({ from: day, to: day, staffId: staffId.optional() })
  .refine((q) => q.from <= q.to, { message: "from must not be after to", path: ["to"] });

const staffCommissionSchema = z.object({
  staffId: z.string(),
  staffName: z.string().nullable(),
  lines: int,
  baseMinor: int,
  commissionMinor: int,
});
export type StaffCommission = z.infer<typeof staffCommissionSchema>;
export const commissionsAnswerSchema = z.object({
  from: z.string(),
  to: z.string(),
  currency: z.string(),
  staff: z.array(staffCommissionSchema),
  commissionMinor: int,
});
export type CommissionsAnswer = z.infer<typeof commissionsAnswerSchema>;

export const BOOKING_STATUSES = ["booked", "checked_in", "cancelled", "no_show"] as const;

export const bookingRequestSchema = z.strictObject({
  /** Made by the caller (a UUID); a repeat of the same id and body answers the booking. */
  id: z.uuid("must be a UUID (the caller makes one per booking)"),
  serviceCode: productCode,
  staffId,
  start: instant,
  customerId: refId.optional(),
  /** The customer's card (as a till has it): the booking is for the card's customer. */
  card: cardNumberField.optional(),
});
export type BookingRequest = z.infer<typeof bookingRequestSchema>;

export const bookingAnswerSchema = z.object({
  id: z.string(),
  serviceCode: z.string(),
  serviceName: z.string(),
  staffId: z.string(),
  staffName: z.string().nullable(),
  customerId: z.string().nullable(),
  start: z.string(),
  end: z.string(),
  status: z.enum(BOOKING_STATUSES),
  saleId: z.string().nullable(),
  /** The service's price, for the line a check-in rings. */
  priceMinor: int,
});
export type Booking = z.infer<typeof bookingAnswerSchema>;
export const bookingsAnswerSchema = z.object({ bookings: z.array(bookingAnswerSchema) });

export const bookingsQuerySchema = z.object({
  /** The store's business day (its time zone); default today. */
  date: day.optional(),
  staffId: staffId.optional(),
});

export const freeSlotsQuerySchema = z.object({
  serviceCode: productCode,
  date: day,
  staffId: staffId.optional(),
});
export const freeSlotsAnswerSchema = z.object({
  serviceCode: z.string(),
  date: z.string(),
  durationMin: int,
  slots: z.array(z.object({ staffId: z.string(), start: z.string(), end: z.string() })),
});
export type FreeSlots = z.infer<typeof freeSlotsAnswerSchema>;

export const bookingIdParamsSchema = z.object({ id: z.uuid("must be a booking id (UUID)") });
export const bookingStatusRequestSchema = z.strictObject({
  status: z.enum(["checked_in", "cancelled", "no_show"]),
  /** A check-in: the sale its lines are rung on, when known. */
  saleId: z.uuid().optional(),
});
export type BookingStatusRequest = z.infer<typeof bookingStatusRequestSchema>;

export const customerIdParamsSchema = z.object({ id: refId });
const packageSchema = z.object({
  id: z.string(),
  packageCode: z.string(),
  serviceCode: z.string(),
  visitsTotal: int,
  visitsLeft: int,
  saleId: z.string(),
  createdAt: z.string(),
});
export type CustomerPackage = z.infer<typeof packageSchema>;
const visitSchema = z.object({
  saleId: z.string(),
  at: z.string(),
  code: z.string(),
  name: z.string(),
  staffId: z.string().nullable(),
  totalMinor: int,
  packageId: z.string().nullable(),
});
export type ServiceVisit = z.infer<typeof visitSchema>;
export const serviceCardAnswerSchema = z.object({
  customerId: z.string(),
  packages: z.array(packageSchema),
  /** Service lines sold to the customer, newest first. */
  visits: z.array(visitSchema),
  bookings: z.array(bookingAnswerSchema),
});
export type ServiceCard = z.infer<typeof serviceCardAnswerSchema>;

/** The notification a booking's reminder posts to the webhook (once). */
export interface BookingReminderPayload {
  event: "booking.reminder";
  deliveryId: string;
  bookingId: string;
  customerId: string;
  serviceCode: string;
  serviceName: string;
  staffId: string;
  staffName: string | null;
  start: string;
  end: string;
}
