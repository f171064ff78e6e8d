/**
 * Bookings through the store with the till's session: today's calendar, a service's free slots,
 * a booking made, checked in or cancelled. They need the store; the store audits each with the
 * session's cashier and till.
 */
import { tillStoreRoutes } from "../../api/store/till-routes.ts";
import type {
  TillBooking,
  TillBookingRequest,
  TillBookings,
  TillServiceCard,
  TillSlot,
} from "../booking-types.ts";
import { OnlineOperations } from "./online-operations.ts";

function tillBooking(b: TillBooking): TillBooking {
  const { id, serviceCode, serviceName, staffId, staffName, customerId, start, end, status } = b;
  return { id, serviceCode, serviceName, staffId, staffName, customerId, start, end, status };
}

export class BookingOperations extends OnlineOperations implements TillBookings {
  async list(date: string): Promise<TillBooking[]> {
    const answer = await this.call("the bookings", (token) =>
      this.storeClient().request(tillStoreRoutes["GET /api/v1/bookings"], { query: { date }, token }),
    );
    return answer.bookings.map(tillBooking);
  }

  async serviceCard(customerId: string): Promise<TillServiceCard> {
    const answer = await this.call("the customer's services", (token) =>
      this.storeClient().request(tillStoreRoutes["GET /api/v1/customers/:id/service-card"], {
        params: { id: customerId },
        token,
      }),
    );
    return {
      packages: answer.packages.map(({ id, packageCode, serviceCode, visitsTotal, visitsLeft }) => ({
        id,
        packageCode,
        serviceCode,
        visitsTotal,
        visitsLeft,
      })),
      visits: answer.visits.map(({ at, code, name, staffId, totalMinor, packageId }) => ({
        at,
        code,
        name,
        staffId,
        totalMinor,
        packageId,
      })),
    };
  }

  async freeSlots(serviceCode: string, date: string): Promise<TillSlot[]> {
    const answer = await this.call("the free slots", (token) =>
      this.storeClient().request(tillStoreRoutes["GET /api/v1/bookings/free-slots"], {
        query: { serviceCode, date },
        token,
      }),
    );
    return answer.slots.map(({ staffId, start, end }) => ({ staffId, start, end }));
  }

  async book(request: TillBookingRequest): Promise<TillBooking> {
    const answer = await this.call("a booking", (token) =>
      this.storeClient().request(tillStoreRoutes["POST /api/v1/bookings"], { body: { ...request }, token }),
    );
    return tillBooking(answer);
  }

  async setStatus(id: string, status: "checked_in" | "cancelled", saleId?: string): Promise<TillBooking> {
    const answer = await this.call("a booking's status", (token) =>
      this.storeClient().request(tillStoreRoutes["POST /api/v1/bookings/:id/status"], {
        params: { id },
        body: { status, ...(saleId === undefined ? {} : { saleId }) },
        token,
      }),
    );
    return tillBooking(answer);
  }
}
