/**
 * The bookings screen over fake services: reached from the F9 menu, today's bookings by staff
 * member, a service's free slots, and offline the words "bookings need the store", in each of
 * the till's languages within 80×24.
 */
import { afterEach, describe, expect, test } from "bun:test";
import type {
  TillBooking,
  TillBookings,
  TillServiceCard,
  TillSlot,
} from "../../../src/till/booking-types.ts";
import { StoreUnreachableError } from "../../../src/till/data/errors.ts";
import type { TillLanguage } from "../../../src/till/i18n/index.ts";
import { MENU_ITEMS, menuDigit } from "../../../src/till/state/menu.ts";
import { FakeServices } from "../support/fake-services.ts";
import { fitsScreen, KEYS, renderTill, type Till } from "../support/render-till.tsx";

let till: Till | null = null;
afterEach(() => {
  till?.cleanup();
  till = null;
});

const DAY = "2026-11-23";

function booking(id: string, staffName: string, time: string, serviceName: string): TillBooking {
  return {
    id,
    serviceCode: "0002",
    serviceName,
    staffId: `u-${staffName.split(" ")[0]?.toLowerCase()}`,
    staffName,
    customerId: null,
    start: `${DAY}T${time}:00.000Z`,
    end: `${DAY}T${time.slice(0, 3)}45:00.000Z`,
    status: "booked",
  };
}

class StoreBookings implements TillBookings {
  async list(): Promise<TillBooking[]> {
    return [
      booking("b1", "Zoe Colourist", "15:00", "Full colour and a very long treatment name"),
      booking("b2", "Ann Stylist", "16:00", "Bread"),
    ];
  }
  async freeSlots(): Promise<TillSlot[]> {
    return [{ staffId: "u-ann", start: `${DAY}T16:45:00.000Z`, end: `${DAY}T17:30:00.000Z` }];
  }
  async book(): Promise<TillBooking> {
    return booking("b3", "Ann Stylist", "16:45", "Bread");
  }
  async setStatus(): Promise<TillBooking> {
    return booking("b2", "Ann Stylist", "16:00", "Bread");
  }
  async serviceCard(): Promise<TillServiceCard> {
    return { packages: [], visits: [] };
  }
}

class BookingServices extends FakeServices {
  bookings: TillBookings = new StoreBookings();
}

class OfflineBookings extends StoreBookings {
  override async list(): Promise<TillBooking[]> {
    throw new StoreUnreachableError("store unreachable", "connection refused");
  }
}

class OfflineServices extends FakeServices {
  bookings: TillBookings = new OfflineBookings();
}

async function openBookings(services: FakeServices, lang: TillLanguage = "en"): Promise<Till> {
  const opened = await renderTill({ services, lang });
  await opened.login();
  opened.press("f9");
  await opened.see(/1 /);
  opened.write(menuDigit(MENU_ITEMS.indexOf("bookings.open")));
  return opened;
}

describe("the bookings screen", () => {
  test("today's bookings by staff member; a service code lists its free slots; all within 80×24", async () => {
    till = await openBookings(new BookingServices());
    await till.see("Bookings today");
    await till.see(/Ann Stylist\s+Bread\s+booked/);
    const frame = till.frame();
    expect(frame.indexOf("Ann Stylist")).toBeLessThan(frame.indexOf("Zoe Colourist"));
    expect(fitsScreen(frame, till.size)).toBeNull();
    till.scan("0002");
    await till.see("Free slots today for 0002");
    await till.see(/16:45-17:30\s+Ann Stylist/);
    expect(fitsScreen(till.frame(), till.size)).toBeNull();
    till.write(KEYS.enter);
    await till.see("Booked: Bread with Ann Stylist at 16:45");
  });

  for (const [lang, text] of [
    ["en", "Bookings need the store"],
    ["fr", "Les rendez-vous demandent le magasin"],
    ["ru", "Записям нужен магазин"],
    ["az", "Qeydiyyatlar üçün mağaza lazımdır"],
  ] as const satisfies readonly (readonly [TillLanguage, string])[]) {
    test(`offline, the screen says bookings need the store (${lang})`, async () => {
      till = await openBookings(new OfflineServices(), lang);
      await till.see(text);
      expect(fitsScreen(till.frame(), till.size)).toBeNull();
    });
  }
});
