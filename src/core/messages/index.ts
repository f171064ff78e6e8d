/** Messages to the cashier and on the receipt: their schema and the rules that fire them. */
export {
  type FiredMessage,
  firedMessages,
  renderTemplate,
  type SaleEvent,
  type SaleShape,
  type TemplateValues,
  wantsNearPromotions,
} from "./evaluate.ts";
export { prizeCodeOf, wantsPrizeCode } from "./prize-code.ts";
export * from "./schema.ts";
export { type MessageClock, timeMessagesAt } from "./time.ts";
