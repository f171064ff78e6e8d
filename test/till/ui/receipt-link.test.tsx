/**
 * The digital receipt at the till: after payment Ctrl+R shows the sale's link as a QR code in
 * half blocks (it fits 80×24 and decodes back to the link's matrix), and Ctrl+W takes the
 * customer's e-mail address (checked) and asks the store to e-mail the receipt.
 */
import { afterEach, describe, expect, test } from "bun:test";
import { qrMatrix } from "../../../src/devices/qr/matrix.ts";
import { qrBlocks } from "../../../src/till/ui/qr-blocks.ts";
import { FakeServices } from "../support/fake-services.ts";
import { fitsScreen, renderTill, type Till, waitFor } from "../support/render-till.tsx";

let till: Till | null = null;
afterEach(() => {
  till?.cleanup();
  till = null;
});

async function paidSale(services: FakeServices): Promise<Till> {
  const t = await renderTill({ services, size: { columns: 80, rows: 24 } });
  await t.login();
  t.scan("0001");
  await t.see("Milk 1l");
  t.press("f10");
  t.press("enter");
  await t.see("Sale complete");
  return t;
}

describe("digital receipts at the till", () => {
  test("Ctrl+R shows the link as a QR code that fits 80×24; Esc goes back", async () => {
    const services = new FakeServices({ publicUrl: "https://shop.example" });
    till = await paidSale(services);
    await till.see("Ctrl+R QR");
    till.write("\u0012");
    await till.see("scan the code with");
    const sale = [...services.recorded.values()][0];
    const url = services.receiptLink(sale?.id ?? "") ?? "";
    expect(till.frame()).toContain(url.slice(0, 40));
    const drawn = qrBlocks(qrMatrix(url, "L"));
    const frame = till.frame();
    for (const line of drawn) expect(frame).toContain(line);
    expect(fitsScreen(frame, { columns: 80, rows: 24 })).toBeNull();
    till.press("escape");
    await waitFor(() => !till?.frame().includes("scan the code"), "the sale screen again");
  });

  test("without publicUrl there is no QR code, and the till says why", async () => {
    const services = new FakeServices();
    till = await paidSale(services);
    till.write("\u0012");
    await till.see("no public address");
  });

  test("Ctrl+W: a bad address is refused, a good one goes to the store, and is not kept", async () => {
    const services = new FakeServices({ publicUrl: "https://shop.example" });
    till = await paidSale(services);
    till.write("\u0017");
    await till.see("Customer's e-mail for receipt");
    till.scan("ann@");
    await till.see("is not an e-mail address");
    till.press("escape");
    till.write("\u0017");
    await till.see("Customer's e-mail for receipt");
    till.scan("ann@example.org");
    await till.see("will be e-mailed");
    const sale = [...services.recorded.values()][0];
    expect(services.emailed).toEqual([{ saleId: sale?.id ?? "", email: "ann@example.org" }]);
  });
});
