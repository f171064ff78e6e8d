export { denominationsFor, type PaymentProgress, paymentProgress, priceSale, toTillLine } from "./basket.ts";
export { emptySale, initialState, msg } from "./initial.ts";
export { MENU_ITEMS } from "./menu.ts";
export { reduce } from "./reducer.ts";
export { refundMinor, returnableMilli } from "./refund.ts";
export { selectedLine } from "./sale.ts";
export type * from "./types.ts";
