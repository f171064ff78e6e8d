/** The kinds of head office's change log, written once for the log's table and its entries' schema. */
export const CHANGE_KINDS = [
  "product",
  "price",
  "user",
  "settings",
  "customer",
  "customer_group",
  "card",
  "promotion",
  "category",
  "purchase_order",
  "order",
  "order_action",
  "message",
  "tender",
  "role",
  "service",
  "commission_rule",
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
