import { Elysia } from "elysia";
import {
  bookingIdParamsSchema,
  bookingRequestSchema,
  bookingStatusRequestSchema,
  bookingsQuerySchema,
  commissionRuleRequestSchema,
  commissionsQuerySchema,
  customerIdParamsSchema,
  freeSlotsQuerySchema,
  serviceRequestSchema,
} from "../../api/store/services.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { BookingsService } from "./bookings.ts";
import { ServiceDefinitions } from "./definitions.ts";
import { commissionsReport, serviceCard } from "./reports.ts";

export function servicesRoutes(ctx: StoreContext) {
  const definitions = new ServiceDefinitions(ctx);
  const bookings = new BookingsService(ctx);
  return new Elysia({ name: "ringup.store.services" })
    .use(requireAuth(ctx))
    .post("/services", ({ body, principal }) => definitions.define(body, principal), {
      body: serviceRequestSchema,
      detail: { summary: "Make a product a service (duration, staff) or a package of visits of one" },
    })
    .get("/services", () => ({ services: definitions.list() }), {
      detail: { summary: "The store's services and packages" },
    })
    .post(
      "/commission-rules",
      ({ body, principal, set }) => {
        const { rule, created } = definitions.addRule(body, principal);
        set.status = created ? 201 : 200;
        return rule;
      },
      {
        body: commissionRuleRequestSchema,
        detail: { summary: "Add a staff commission rule (percent or fixed, by service or category)" },
      },
    )
    .get("/commission-rules", () => ({ rules: definitions.rules() }), {
      detail: { summary: "The commission rules" },
    })
    .get("/reports/commissions", ({ query }) => commissionsReport(ctx, query), {
      query: commissionsQuerySchema,
      detail: { summary: "Commissions by staff member over business days from..to (inclusive)" },
    })
    .post(
      "/bookings",
      ({ body, principal, set }) => {
        const { booking, created } = bookings.create(body, principal);
        set.status = created ? 201 : 200;
        return booking;
      },
      { body: bookingRequestSchema, detail: { summary: "Book a service with a staff member" } },
    )
    .get("/bookings", ({ query }) => ({ bookings: bookings.list(query.date, query.staffId) }), {
      query: bookingsQuerySchema,
      detail: { summary: "The staff calendar: a day's bookings (default today), by start" },
    })
    .get(
      "/bookings/free-slots",
      ({ query }) => bookings.freeSlots(query.serviceCode, query.date, query.staffId),
      {
        query: freeSlotsQuerySchema,
        detail: { summary: "Free slots of a service on a day, for a staff member or each who performs it" },
      },
    )
    .post(
      "/bookings/:id/status",
      ({ params, body, principal }) => bookings.setStatus(params.id, body, principal),
      {
        params: bookingIdParamsSchema,
        body: bookingStatusRequestSchema,
        detail: { summary: "Check a booking in, cancel it, or mark it a no-show" },
      },
    )
    .get("/customers/:id/service-card", ({ params }) => serviceCard(ctx, params.id), {
      params: customerIdParamsSchema,
      detail: { summary: "A customer's packages, service visits and bookings" },
    });
}
