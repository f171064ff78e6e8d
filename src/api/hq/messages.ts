/**
 * Shapes of the messages API (CONTRACT.md "Promotions and messages"), at head office and at the
 * store: requests are the core's schema, answers are read leniently.
 */
import { z } from "zod";
import { MESSAGE_EVENTS } from "../../core/messages/index.ts";

export { messageSchema as messageInputSchema } from "../../core/messages/index.ts";

export const messageAnswerSchema = z.looseObject({
  id: z.string(),
  when: z.looseObject({ event: z.enum(MESSAGE_EVENTS) }),
  cashier: z.string().optional(),
  receipt: z.string().optional(),
  active: z.boolean(),
  updatedAt: z.string(),
});
export const messagesAnswerSchema = z.object({ messages: z.array(messageAnswerSchema) });
export const messagesQuerySchema = z.object({ all: z.enum(["true", "false"]).optional() });
