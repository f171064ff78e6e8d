/**
 * A simulated signature device on a loopback TCP port, speaking the line protocol of
 * protocol.ts: it numbers transactions, counts signatures and signs finished transactions with
 * its own Ed25519 key (`signedMessage` of core/fiscal-signature.ts). `mode` makes it fail the
 * way real devices do: `silent` (never answers), `garbage` (answers nonsense), `refuse`
 * (answers ERR).
 */
import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { signedMessage } from "../../core/fiscal-signature.ts";
import { LineServer } from "../io/line-server.ts";
import { parseRequest, type SignatureRequest } from "./protocol.ts";

export type SimulatedSignatureMode = "ok" | "silent" | "garbage" | "refuse";

export interface SimulatedTransaction {
  transactionNo: number;
  startedAt: string;
  updates: string[];
  finished?: { processData: string; signatureCounter: number; finishedAt: string; signature: string };
}

export class SimulatedSignatureDevice {
  mode: SimulatedSignatureMode = "ok";
  readonly serial: string;
  readonly publicKey: string;
  readonly transactions = new Map<number, SimulatedTransaction>();
  private readonly privateKey: KeyObject;
  private nextTransaction = 1;
  private counter = 0;
  private readonly server = new LineServer((line) => this.reply(line));

  constructor(options: { serial?: string } = {}) {
    const { publicKey, privateKey } = generateKeyPairSync("ed25519");
    this.privateKey = privateKey;
    this.publicKey = publicKey.export({ format: "der", type: "spki" }).toString("base64");
    this.serial = options.serial ?? "SIM-TSE-0001";
  }

  /** Listens on a free loopback port; answers the URI the till takes. */
  listen(): Promise<string> {
    return this.server.listen();
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private reply(line: string): string | null {
    if (this.mode === "silent") return null;
    if (this.mode === "garbage") return "\u0007#@! 12 ??";
    if (this.mode === "refuse") return "ERR SELF_TEST_FAILED the device needs its self test";
    return this.answer(parseRequest(line));
  }

  private answer(request: SignatureRequest | null): string {
    const now = new Date().toISOString();
    if (request === null) return "ERR BAD_REQUEST the request is not of the protocol";
    switch (request.op) {
      case "INFO":
        return `OK ${this.serial} ed25519 ${this.publicKey}`;
      case "START": {
        const transactionNo = this.nextTransaction++;
        this.counter++;
        this.transactions.set(transactionNo, { transactionNo, startedAt: now, updates: [] });
        return `OK ${transactionNo} ${now}`;
      }
      case "UPDATE": {
        const txn = this.transactions.get(request.transactionNo);
        if (txn === undefined || txn.finished) return "ERR NO_TRANSACTION no open transaction by that number";
        txn.updates.push(request.data);
        return `OK ${txn.transactionNo} ${++this.counter}`;
      }
      case "FINISH": {
        const txn = this.transactions.get(request.transactionNo);
        if (txn === undefined || txn.finished) return "ERR NO_TRANSACTION no open transaction by that number";
        const signatureCounter = ++this.counter;
        const message = signedMessage({
          transactionNo: txn.transactionNo,
          signatureCounter,
          startedAt: txn.startedAt,
          finishedAt: now,
          processData: request.data,
        });
        const signature = sign(null, Buffer.from(message, "utf8"), this.privateKey).toString("base64");
        txn.finished = { processData: request.data, signatureCounter, finishedAt: now, signature };
        return `OK ${txn.transactionNo} ${signatureCounter} ${txn.startedAt} ${now} ${signature}`;
      }
    }
  }
}
