/**
 * Fiscal signatures and the video security feed end to end: the compiled till in an 80×24 tmux
 * pane against a real store whose `[[videoFeeds]]` names a TCP text overlay sink, with the
 * simulated signature device and a network printer. Sales, a line void and a return reach the
 * sink in order and complete, also across a time the sink is down; the receipt's QR code holds
 * the device's signature; a device that stops answering leaves the next receipt marked.
 */
import { describe, expect, test } from "bun:test";
import { createPublicKey, verify } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import * as net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseFiscalQr, signedMessage } from "../../../src/core/fiscal-signature.ts";
import { decodeEscPos } from "../../../src/devices/escpos/decode.ts";
import { SimulatedSignatureDevice } from "../../../src/devices/signature/simulated-signature-device.ts";
import { EscPosSink } from "../../devices/support/escpos-sink.ts";
import { adminOk } from "../../support/admin-cli.ts";
import { seedProducts, startStore } from "../../support/store-process.ts";
import { haveTmux, startTillInTmux } from "../support/tmux.ts";

if (!haveTmux()) console.warn("fiscal and video end-to-end test skipped: tmux is not installed");

async function until<T>(read: () => T | Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await Bun.sleep(50);
  }
}

/** A DVR's text insertion input: keeps every line it is sent; can be taken down and brought back. */
class OverlaySink {
  readonly lines: string[] = [];
  private server: net.Server | undefined;
  private constructor(readonly port: number) {}

  static async start(port = 0): Promise<OverlaySink> {
    const probe = net.createServer();
    const chosen = await new Promise<number>((resolve) =>
      probe.listen({ host: "127.0.0.1", port }, () => {
        const address = probe.address();
        resolve(typeof address === "object" && address !== null ? address.port : port);
      }),
    );
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const sink = new OverlaySink(chosen);
    await sink.up();
    return sink;
  }

  async up(): Promise<void> {
    const server = net.createServer((socket) => {
      let buffered = "";
      socket.setEncoding("utf8");
      socket.on("data", (chunk: string) => {
        buffered += chunk;
        const parts = buffered.split("\r\n");
        buffered = parts.pop() ?? "";
        this.lines.push(...parts);
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen({ host: "127.0.0.1", port: this.port }, resolve));
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The event lines (`#<seq> …`), without the receipts' lines. */
  events(): string[] {
    return this.lines.filter((l) => l.startsWith("#"));
  }
}

function kinds(lines: readonly string[]): string[] {
  return lines.map((l) => l.split(" ")[4] ?? "");
}

function seqs(lines: readonly string[]): number[] {
  return lines.map((l) => Number(/^#(\d+) /.exec(l)?.[1]));
}

describe("fiscal signatures and the video feed at the till", () => {
  test.if(haveTmux())(
    "sales, a void and a return are signed and fed to the overlay in order, also while the sink is down",
    async () => {
      const dir = await mkdtemp(join(tmpdir(), "ringup-fiscal-e2e-"));
      const sim = new SimulatedSignatureDevice();
      const signatureUri = await sim.listen();
      const sink = await OverlaySink.start();
      await using printer = await EscPosSink.start();
      try {
        const config = join(dir, "store.toml");
        await writeFile(
          config,
          [
            'storeName = "Corner Co-op"',
            "[approvals]",
            "refund = false",
            "[[videoFeeds]]",
            'kind = "tcp-text"',
            `url = "tcp://127.0.0.1:${sink.port}"`,
            'tills = ["T1"]',
            "",
          ].join("\n"),
        );
        await using store = await startStore({ args: ["--config", config] });
        await seedProducts(store, [
          { code: "4011", name: "Bananas each", priceMinor: 129, taxClass: null },
          { code: "A1", name: "Apple juice", priceMinor: 250, taxClass: null },
        ]);
        await adminOk(store, "user", "add", "--name", "Ann", "--role", "cashier", "--pin", "1234");
        await adminOk(store, "shift", "open", "--till", "T1", "--float", "100");
        await using till = await startTillInTmux(store.url, "T1", join(dir, "till"), [
          "--signature",
          signatureUri,
          "--printer",
          `${printer.uri}?status=off`,
        ]);
        await till.type("1234");
        await till.keys("Enter");
        await till.waitFor("Hello, Ann", "the log-in");

        // A sale with a void: two lines, the last voided, paid in cash.
        await till.type("4011");
        await till.keys("Enter");
        await till.waitFor("Bananas each", "the first line");
        await till.type("A1");
        await till.keys("Enter");
        await till.waitFor("Apple juice", "the second line");
        await till.keys("F3");
        await till.waitFor("Line voided: Apple juice", "the void");
        await till.keys("F10");
        await till.waitFor("Payment", "the payment screen");
        await till.keys("Enter");
        const paid = await till.waitFor(/Receipt (S1-T1-\d+)/, "the receipt number");
        const receiptNo = /Receipt (S1-T1-\d+)/.exec(paid)?.[1] ?? "";

        // The printed receipt's QR code is the device's signature of this sale.
        const job = await until(
          () => printer.jobs[0],
          (j) => j !== undefined,
          "the printed receipt",
        );
        const decoded = decodeEscPos(job ?? new Uint8Array());
        const fiscal = decoded.commands.flatMap((c) => (c.op === "qr" ? [parseFiscalQr(c.data)] : []))[0];
        if (!fiscal) throw new Error("no fiscal QR code on the receipt");
        expect(fiscal.serial).toBe(sim.serial);
        expect(fiscal.processData).toBe(`Beleg^129^cash:129^${receiptNo}^USD`);
        expect(sim.transactions.get(fiscal.transactionNo)?.finished?.signature).toBe(fiscal.signature);
        const key = createPublicKey({
          key: Buffer.from(sim.publicKey, "base64"),
          format: "der",
          type: "spki",
        });
        const ok = verify(
          null,
          Buffer.from(signedMessage(fiscal)),
          key,
          Buffer.from(fiscal.signature, "base64"),
        );
        expect(ok).toBe(true);
        expect(decoded.lines.join("\n")).toContain(`Signature transaction`);

        await until(
          () => sink.events(),
          (e) => kinds(e).includes("SALE.COMPLETED"),
          "the first sale at the sink",
        );
        // The first log-in came before the till had heard the store's feeds (its first start).
        expect(kinds(sink.events())).toEqual([
          "SCAN",
          "SCAN",
          "LINE.VOID",
          "PAYMENT",
          "DRAWER.OPENED",
          "SALE.COMPLETED",
        ]);
        expect(sink.events()[0]).toContain("code=4011 name=Bananas each qtyMilli=1000 unitPriceMinor=129");
        // Then the receipt's text, line by line.
        expect(sink.lines.some((l) => l.startsWith("T1 | ") && l.includes(receiptNo))).toBe(true);
        expect(sink.lines.some((l) => l.startsWith("T1 | ") && l.includes("Bananas each"))).toBe(true);

        // The sink goes down; a sale and a return wait at the till, and reach it once it is back.
        await sink.down();
        await till.keys("F12");
        await till.waitFor("PIN", "the locked till");
        await till.type("1234");
        await till.keys("Enter");
        await till.waitFor("Hello, Ann", "the log-in again");
        await till.type("A1");
        await till.keys("Enter");
        await till.waitFor("Apple juice", "the line while the sink is down");
        await till.keys("F10");
        await till.waitFor("Payment", "the payment screen");
        await till.keys("Enter");
        await till.waitFor(/Receipt S1-T1-\d+/, "the second sale");
        await till.keys("F9");
        await till.type("1");
        await till.waitFor("Receipt number", "the returns prompt");
        await till.type(receiptNo);
        await till.keys("Enter");
        await till.waitFor(`Sale ${receiptNo}`, "the sale to return");
        await till.keys("Tab");
        await till.keys("F10");
        await till.waitFor("Refund recorded", "the refund");
        await sink.up();
        const all = await until(
          () => sink.events(),
          (e) => kinds(e).includes("RETURN"),
          "the queued events",
          30_000,
        );
        expect(kinds(all).slice(6)).toEqual([
          "LOGOUT",
          "LOGIN",
          "SCAN",
          "PAYMENT",
          "DRAWER.OPENED",
          "SALE.COMPLETED",
          "RETURN",
        ]);
        const numbers = seqs(all);
        expect(numbers).toEqual(numbers.map((_, i) => (numbers[0] ?? 0) + i));

        // The device stops answering: the sale completes, its receipt is marked, the cashier told.
        sim.mode = "silent";
        await till.keys("Escape");
        await till.waitFor("Code:", "the sale screen");
        await till.type("4011");
        await till.keys("Enter");
        await till.waitFor("Bananas each", "the line");
        await till.keys("F10");
        await till.waitFor("Payment", "the payment screen");
        await till.keys("Enter");
        await till.waitFor("Signature device did not answer", "the cashier told");
        const marked = await until(
          () => printer.jobs.map((j) => decodeEscPos(j).lines.join("\n")),
          (texts) => texts.some((t) => t.includes("SIGNATURE DEVICE UNAVAILABLE")),
          "the marked receipt",
        );
        expect(marked.length).toBeGreaterThanOrEqual(2);
        const exported = join(dir, "signatures.jsonl");
        const today = new Date().toISOString().slice(0, 10);
        await adminOk(store, "fiscal", "export", "--from", today, "--to", today, "--out", exported);
        const rows = (await Bun.file(exported).text())
          .trim()
          .split("\n")
          .map((l) => JSON.parse(l) as { status: string; reason: string | null });
        expect(rows.map((r) => r.status)).toEqual(["signed", "signed", "unavailable"]);
        expect(rows[2]?.reason).toBe("timeout");
      } finally {
        await sink.down();
        await sim.close();
        await rm(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
