/** Promotions: their schema, the engine, and pricing a basket with them. */
export {
  type CompiledPromotion,
  comparePromotions,
  NO_PROMOTIONS,
  PromotionBook,
  percentText,
} from "./book.ts";
export {
  type CodeUseCount,
  type CodeUses,
  codeOutOfDate,
  codeUsage,
  isLimited,
  isSingleUse,
  PromoCodeError,
  requireUseAllowed,
} from "./codes.ts";
export {
  addBasketNames,
  applyPromotions,
  livePromotions,
  livePromotionsNamed,
  type PromotionContext,
  type PromotionLine,
  type PromotionOutcome,
} from "./engine.ts";
export type { Names } from "./names.ts";
export { promotionsNear } from "./near.ts";
export {
  type PromotionPerformance,
  periodBefore,
  promotionPerformance,
  type ReportSale,
  upliftPercent,
} from "./performance.ts";
export {
  type PromotedBasketInput,
  type PromotedLineInput,
  type PromotedLines,
  type PromotedQuote,
  type PromotionPricing,
  priceWithPromotions,
  promoteLines,
} from "./price.ts";
export { type PromotionClock, promotionClock, promotionClockAt } from "./schedule.ts";
export * from "./schema.ts";
export { lineNamer, linesNamedBy, promotionsLeave } from "./untouched.ts";
export {
  checkPromotion,
  type PromotionRefs,
  PromotionRuleError,
  requireKnownRefs,
  requireNoExclusiveOverlap,
} from "./validate.ts";
