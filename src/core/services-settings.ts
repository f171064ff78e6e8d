/**
 * Service businesses (`[services]` in the store's configuration): opening hours that bound
 * bookings and free slots, the step of free slots, and when a booking's reminder is sent.
 */
import { z } from "zod";

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day "HH:MM" (24 h)');

export const servicesSettingsSchema = z
  .object({
    /**
     * Bookings start and end within these hours (the store's time zone); absent: any time.
     * Free slots are listed within them (09:00 to 18:00 when absent).
     */
    openingHours: z
      .object({ open: clock, close: clock })
      .refine((h) => h.open < h.close, { message: "open must be before close", path: ["close"] })
      .optional(),
    /** Free slots start every this many minutes. */
    slotMinutes: z.number().int().min(5).max(240).default(15),
    /** A booking's reminder goes to the notification webhook this many hours before it (0: none). */
    reminderHours: z.number().int().min(0).max(168).default(24),
  })
  .default({ slotMinutes: 15, reminderHours: 24 });

export type ServicesSettings = z.infer<typeof servicesSettingsSchema>;
