export * from "../../src/samples/corepos-month.ts";
