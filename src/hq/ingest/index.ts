/** Store → HQ ingest: the one door to it. */
export { IngestConsumer, type IngestOptions } from "./consumer.ts";
export {
  type DeadLetterDesk,
  deadLetter,
  deadLetterDesk,
  deadLetterDetail,
  listDeadLetters,
} from "./dead-letters.ts";
export { type DeadLetterReason, EventIngestor, type IncomingMessage, type Outcome } from "./ingestor.ts";
export { type DeadLetterView, replicationState, type StoreReplicationState } from "./state.ts";
