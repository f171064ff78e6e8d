/** Head office's domain errors: a stable code and a message that says what to do next. */
import { DomainError } from "../core/errors.ts";

export class UnknownProductError extends DomainError {
  readonly code = "UNKNOWN_PRODUCT";
  override readonly kind = "not_found";
  constructor(code: string) {
    super(`no product with code "${code}": add it with POST /api/v1/products first`, { code });
  }
}

export class UnknownStoreError extends DomainError {
  readonly code = "UNKNOWN_STORE";
  override readonly kind = "not_found";
  constructor(storeId: string) {
    super(`no store "${storeId}" is registered: add it with POST /api/v1/stores first`, { storeId });
  }
}

export class StoreExistsError extends DomainError {
  readonly code = "STORE_EXISTS";
  override readonly kind = "conflict";
  constructor(storeId: string) {
    super(`store "${storeId}" is already registered; its credentials were shown when it was added`, {
      storeId,
    });
  }
}

export class UnknownUserError extends DomainError {
  readonly code = "UNKNOWN_USER";
  override readonly kind = "not_found";
  constructor(userId: string) {
    super(`no user with id "${userId}"`, { userId });
  }
}

export class PinTakenError extends DomainError {
  readonly code = "PIN_TAKEN";
  override readonly kind = "conflict";
  constructor() {
    super("another active user already has this PIN: choose a different one");
  }
}

export class UnknownSaleError extends DomainError {
  readonly code = "UNKNOWN_SALE";
  override readonly kind = "not_found";
  constructor(id: string) {
    super(
      `no sale "${id}" has reached head office from any store (it may still be on its way if the store is offline)`,
      { id },
    );
  }
}

export class InvalidRangeError extends DomainError {
  readonly code: string;
  constructor(code: "INVALID_RANGE" | "RANGE_TOO_LONG", message: string, details: unknown) {
    super(message, details);
    this.code = code;
  }
}

export class CurrenciesDifferError extends DomainError {
  readonly code = "CURRENCIES_DIFFER";
  override readonly kind = "conflict";
  constructor(currencies: readonly string[]) {
    super(
      `the registered stores use different currencies (${currencies.join(", ")}), so the chain has no one currency for prices: give them one with PUT /api/v1/stores/:id/settings`,
      { currencies },
    );
  }
}

/** A product some registered store could not apply (a tax class it lacks, a price over its limit). */
export class ProductNotApplicableError extends DomainError {
  readonly code = "PRODUCT_NOT_APPLICABLE";
  override readonly kind = "invalid";
  constructor(code: string, reasons: readonly string[]) {
    super(
      `product ${code} cannot be applied at every store: ${reasons.join("; ")}; fix the product or the stores' settings first`,
      { code, reasons },
    );
  }
}
