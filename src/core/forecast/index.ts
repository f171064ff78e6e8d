/** Demand forecasting and replenishment: pure, shared by the store and the benchmark. */
export {
  type Forecast,
  type ForecastOptions,
  forecastDemand,
  weekdayProfile,
} from "./forecast.ts";
export { type CleanDay, cleanDays, type DailyHistory } from "./history.ts";
export { normalQuantile } from "./normal.ts";
export { demandOver, type ReorderInput, type ReorderPlan, reorderPlan } from "./reorder.ts";
