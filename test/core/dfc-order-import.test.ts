/**
 * Reading a hub's DFC orders, on documents written from the DFC business ontology: a flattened
 * `@graph` with references (as the DFC connectors export), nested nodes with full IRIs, OFN's
 * lines without a price (the offer's price applies), and documents Ringup must refuse.
 */
import { describe, expect, test } from "bun:test";
import { DfcError } from "../../src/core/dfc/errors.ts";
import { importDfcOrders } from "../../src/core/dfc/order-import.ts";

const SHOP = "https://shop.example/api/v1/dfc";
const codeOf = (iri: string) => /\/dfc\/(?:offers|supplied-products)\/([^/]+)$/.exec(iri)?.[1];
const options = { codeOf, currency: "EUR" };
const B = "https://github.com/datafoodconsortium/ontology/releases/latest/download/DFC_BusinessOntology.owl#";

function refused(doc: unknown, code: DfcError["code"]): void {
  try {
    importDfcOrders(doc, options);
  } catch (err) {
    expect(err).toBeInstanceOf(DfcError);
    expect((err as DfcError).code).toBe(code);
    return;
  }
  throw new Error(`expected ${code}`);
}

describe("DFC orders", () => {
  test("a flattened graph: order, lines by reference, prices as line totals, a pick-up option", () => {
    const doc = {
      "@context": "https://www.datafoodconsortium.org",
      "@graph": [
        {
          "@id": "https://hub.example/orders/1001",
          "@type": "dfc-b:Order",
          "dfc-b:orderNumber": "R1001",
          "dfc-b:date": "2026-03-06T17:00:00+01:00",
          "dfc-b:hasOrderStatus": { "@id": "dfc-v:Held" },
          "dfc-b:orderedBy": { "@id": "https://hub.example/people/42" },
          "dfc-b:selects": { "@id": "_:pickup" },
          "dfc-b:hasPart": [
            { "@id": "https://hub.example/orders/1001/lines/1" },
            { "@id": "https://hub.example/orders/1001/lines/2" },
          ],
        },
        { "@id": "_:pickup", "@type": "dfc-b:PickupOption", "dfc-b:name": "Friday at the co-op" },
        {
          "@id": "https://hub.example/orders/1001/lines/1",
          "@type": "dfc-b:OrderLine",
          "dfc-b:quantity": "3",
          "dfc-b:hasPrice": { "@id": "_:p1" },
          "dfc-b:concerns": { "@id": `${SHOP}/offers/APPLE` },
        },
        {
          "@id": "_:p1",
          "@type": "dfc-b:Price",
          "dfc-b:value": "5.97",
          "dfc-b:VATrate": "5.5",
          "dfc-b:hasUnit": "dfc-m:Euro",
        },
        {
          "@id": "https://hub.example/orders/1001/lines/2",
          "@type": "dfc-b:OrderLine",
          "dfc-b:quantity": 0.75,
          "dfc-b:hasPrice": { "@type": "dfc-b:Price", "dfc-b:value": 4, "dfc-b:hasUnit": "dfc-m:Euro" },
          "dfc-b:concerns": `${SHOP}/offers/CHEESE`,
        },
      ],
    };
    expect(importDfcOrders(doc, options)).toEqual([
      {
        externalId: "https://hub.example/orders/1001",
        number: "R1001",
        date: "2026-03-06T17:00:00+01:00",
        customer: "https://hub.example/people/42",
        status: "dfc-v:Held",
        pickup: "Friday at the co-op",
        lines: [
          {
            code: "APPLE",
            qtyMilli: 3000,
            lineTotalMinor: 597,
            unitPriceMinor: 199,
            offer: `${SHOP}/offers/APPLE`,
          },
          { code: "CHEESE", qtyMilli: 750, lineTotalMinor: 400, offer: `${SHOP}/offers/CHEESE` },
        ],
      },
    ]);
  });

  test("nested nodes with full IRIs, lines found by partOf, and OFN's offer price", () => {
    const doc = [
      {
        "@id": "https://hub.example/orders/7",
        "@type": `${B}Order`,
        [`${B}orderNumber`]: { "@value": "7" },
      },
      {
        "@id": "https://hub.example/orders/7/lines/1",
        "@type": `${B}OrderLine`,
        [`${B}partOf`]: { "@id": "https://hub.example/orders/7" },
        [`${B}quantity`]: "2",
        [`${B}concerns`]: {
          "@id": "https://hub.example/offers/99",
          "@type": `${B}Offer`,
          [`${B}offeredItem`]: { "@id": `${SHOP}/supplied-products/MILK` },
          [`${B}hasPrice`]: { "@type": `${B}Price`, [`${B}value`]: "1.20", [`${B}hasUnit`]: "dfc-m:Euro" },
        },
      },
    ];
    const [order] = importDfcOrders(doc, options);
    expect(order?.number).toBe("7");
    expect(order?.lines).toEqual([
      { code: "MILK", qtyMilli: 2000, unitPriceMinor: 120, offer: "https://hub.example/offers/99" },
    ]);
  });

  test("documents Ringup cannot take are refused with a precise code", () => {
    const order = (line: Record<string, unknown>) => ({
      "@graph": [
        { "@id": "o", "@type": "dfc-b:Order", "dfc-b:hasPart": { "@id": "l" } },
        { "@id": "l", "@type": "dfc-b:OrderLine", ...line },
      ],
    });
    refused({ "@graph": [{ "@id": "x", "@type": "dfc-b:Enterprise" }] }, "DFC_NO_ORDER");
    refused({ "@id": "o", "@type": "dfc-b:Order" }, "DFC_ORDER_WITHOUT_LINES");
    refused(order({ "dfc-b:quantity": 1 }), "DFC_LINE_WITHOUT_OFFER");
    refused(
      order({ "dfc-b:quantity": 1, "dfc-b:concerns": "https://elsewhere.example/offers/1" }),
      "DFC_UNKNOWN_OFFER",
    );
    refused(order({ "dfc-b:quantity": 0, "dfc-b:concerns": `${SHOP}/offers/A` }), "DFC_BAD_QUANTITY");
    refused(order({ "dfc-b:quantity": "1.0005", "dfc-b:concerns": `${SHOP}/offers/A` }), "DFC_BAD_QUANTITY");
    refused(
      order({
        "dfc-b:quantity": 1,
        "dfc-b:concerns": `${SHOP}/offers/A`,
        "dfc-b:hasPrice": { "dfc-b:value": "1", "dfc-b:hasUnit": "dfc-m:PoundSterling" },
      }),
      "DFC_CURRENCY_MISMATCH",
    );
    refused(
      order({
        "dfc-b:quantity": 1,
        "dfc-b:concerns": `${SHOP}/offers/A`,
        "dfc-b:hasPrice": { "dfc-b:value": "1.234" },
      }),
      "DFC_BAD_PRICE",
    );
  });
});
