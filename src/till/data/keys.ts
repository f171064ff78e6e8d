/**
 * The till's own Ed25519 key: made at first start and kept in the till's database. Its public
 * half is registered at the store while online; offline, the till signs what the store could
 * not witness (a cashier's log-in, a supervisor's approval) so the store can check it later.
 */
import { createPrivateKey, generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import type { MetaStore } from "./db.ts";

export type SignedRecord =
  | { k: "offline"; till: string; user: string; at: string }
  | { k: "approval"; till: string; approver: string; action: string; at: string };

export class TillKeys {
  private privateKey: KeyObject;
  readonly publicKey: string;

  constructor(private readonly meta: MetaStore) {
    let pkcs8 = meta.get("tillPrivateKey");
    let spki = meta.get("tillPublicKey");
    if (pkcs8 === null || spki === null) {
      const pair = generateKeyPairSync("ed25519");
      pkcs8 = pair.privateKey.export({ type: "pkcs8", format: "der" }).toString("base64url");
      spki = pair.publicKey.export({ type: "spki", format: "der" }).toString("base64url");
      meta.set("tillPrivateKey", pkcs8);
      meta.set("tillPublicKey", spki);
    }
    this.privateKey = createPrivateKey({
      key: Buffer.from(pkcs8, "base64url"),
      format: "der",
      type: "pkcs8",
    });
    this.publicKey = spki;
  }

  /** True once the store has acknowledged this key. */
  registered(): boolean {
    return this.meta.get("tillKeyRegistered") === this.publicKey;
  }

  markRegistered(): void {
    this.meta.set("tillKeyRegistered", this.publicKey);
  }

  /** `base64url(JSON) + "." + base64url(signature)`, as the store's proofs are written. */
  sign(record: SignedRecord): string {
    const text = Buffer.from(JSON.stringify({ v: 1, ...record })).toString("base64url");
    return `${text}.${sign(null, Buffer.from(text), this.privateKey).toString("base64url")}`;
  }
}
