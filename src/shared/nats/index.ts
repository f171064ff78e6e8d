/** Shared NATS plumbing of replication: the one door the store and HQ import from. */
export { BatchQueue } from "./batch-queue.ts";
export { type LinkState, NatsLink, type NatsLinkOptions } from "./connection.ts";
export { type NatsSecurity, natsCredentialsFileSchema, natsSecurity } from "./credentials.ts";
export { type AppliedPointer, appliedPointerSchema, parseJsonMessage } from "./messages.ts";
export {
  hqNatsPermissions,
  type NatsPermissions,
  type NatsUser,
  natsAuthorizationBlock,
  natsUsersList,
  storeNatsPermissions,
} from "./permissions.ts";
export { natsServerList, natsServers, parseNatsServers } from "./servers.ts";
export * from "./subjects.ts";
export { SessionSupervisor, type SupervisedWorker } from "./supervisor.ts";
export {
  catalogStreamConfig,
  ensureDurableConsumer,
  ensureStream,
  ingestConsumerConfig,
  isApiError,
  storeEventsStreamConfig,
  type TopologyLog,
} from "./topology.ts";
