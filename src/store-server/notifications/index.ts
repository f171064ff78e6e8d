/** Notifications: signed webhook deliveries from a durable outbox (e-mail receipts). */

export type { NotificationsConfig } from "../../api/store/notifications.ts";
export { notificationsConfigOf } from "../../shared/notifications-config.ts";
export { notificationsRoutes } from "./routes.ts";
export { NotificationSender } from "./sender.ts";
