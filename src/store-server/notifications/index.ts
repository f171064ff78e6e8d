/** Notifications: signed webhook deliveries from a durable outbox (e-mail receipts). */
export { notificationsConfigOf } from "./config.ts";
export type { NotificationsConfig } from "./model.ts";
export { notificationsRoutes } from "./routes.ts";
export { NotificationSender } from "./sender.ts";
