export * from "../../src/store-server/imports/corepos-transactions.ts";
