/** Bookings as the till sees them: today's staff calendar, free slots, a booking made or checked in. */

export type TillBookingStatus = "booked" | "checked_in" | "cancelled" | "no_show";

export interface TillBooking {
  id: string;
  serviceCode: string;
  serviceName: string;
  staffId: string;
  staffName: string | null;
  customerId: string | null;
  /** ISO instants. */
  start: string;
  end: string;
  status: TillBookingStatus;
}

export interface TillSlot {
  staffId: string;
  start: string;
  end: string;
}

export interface TillBookingRequest {
  id: string;
  serviceCode: string;
  staffId: string;
  start: string;
  customerId?: string;
  /** The card of the customer on the sale: the store books for the card's customer. */
  card?: string;
}

/** A customer's service card: packages with visits left, and the service visits they had. */
export interface TillServiceCard {
  packages: {
    id: string;
    packageCode: string;
    serviceCode: string;
    visitsTotal: number;
    visitsLeft: number;
  }[];
  visits: {
    at: string;
    code: string;
    name: string;
    staffId: string | null;
    totalMinor: number;
    packageId: string | null;
  }[];
}

/** The store's bookings, through the till's session (they need the store). */
export interface TillBookings {
  /** A customer's packages and service visits. */
  serviceCard(customerId: string): Promise<TillServiceCard>;
  /** A business day's bookings (`YYYY-MM-DD`), every staff member's. */
  list(date: string): Promise<TillBooking[]>;
  freeSlots(serviceCode: string, date: string): Promise<TillSlot[]>;
  book(request: TillBookingRequest): Promise<TillBooking>;
  /** Checks a booking in (on the sale `saleId`), or cancels it. */
  setStatus(id: string, status: "checked_in" | "cancelled", saleId?: string): Promise<TillBooking>;
}
