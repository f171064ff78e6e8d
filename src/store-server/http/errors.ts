/** The shared HTTP error mapping, kept at this path for the store's features. */
export * from "../../shared/http-errors.ts";
