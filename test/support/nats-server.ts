export * from "../../src/shared/nats/server-process.ts";
