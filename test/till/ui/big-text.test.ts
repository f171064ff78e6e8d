import { expect, test } from "bun:test";
import { bigText } from "../../../src/till/ui/big-text.ts";

test("digits in three rows, signs and letters on the middle row, kept together", () => {
  expect(bigText("$1.05")).toEqual(["  ▀█    █▀█ █▀▀", "$  █    █ █ ▀▀█", "  ▀▀▀ ▀ ▀▀▀ ▀▀▀"]);
  expect(bigText("2 $US")[1]).toBe("█▀▀   $US");
});
