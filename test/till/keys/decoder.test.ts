import { describe, expect, test } from "bun:test";
import { KeyDecoder, type KeyEvent } from "../../../src/till/keys/index.ts";

const key = (name: string): KeyEvent => ({ kind: "key", name }) as KeyEvent;
const text = (t: string): KeyEvent => ({ kind: "text", text: t });

function decode(...chunks: string[]): KeyEvent[] {
  const decoder = new KeyDecoder();
  return chunks.flatMap((chunk) => decoder.push(chunk));
}

describe("KeyDecoder", () => {
  test("xterm SS3 F1–F4", () => {
    expect(decode("\u001bOP", "\u001bOQ", "\u001bOR", "\u001bOS")).toEqual([
      key("f1"),
      key("f2"),
      key("f3"),
      key("f4"),
    ]);
  });

  test("xterm CSI tilde F5–F12, with and without modifiers", () => {
    const seqs = ["15", "17", "18", "19", "20", "21", "23", "24"].map((n) => `\u001b[${n}~`);
    expect(decode(...seqs)).toEqual(["f5", "f6", "f7", "f8", "f9", "f10", "f11", "f12"].map(key));
    expect(decode("\u001b[15;2~")).toEqual([key("f5")]);
  });

  test("Linux console F1–F5 and rxvt F1–F4", () => {
    expect(decode("\u001b[[A\u001b[[B\u001b[[C\u001b[[D\u001b[[E")).toEqual(
      ["f1", "f2", "f3", "f4", "f5"].map(key),
    );
    expect(decode("\u001b[11~\u001b[12~\u001b[13~\u001b[14~")).toEqual(["f1", "f2", "f3", "f4"].map(key));
  });

  test("arrows, paging, home/end, delete", () => {
    expect(decode("\u001b[A\u001b[B\u001b[5~\u001b[6~\u001b[H\u001b[F\u001b[3~\u001bOA")).toEqual(
      ["up", "down", "pageup", "pagedown", "home", "end", "delete", "up"].map(key),
    );
  });

  test("a scanner burst in one chunk is text then Enter", () => {
    expect(decode("3*4011\r")).toEqual([text("3*4011"), key("enter")]);
    expect(decode("4011\r\n0001\r")).toEqual([text("4011"), key("enter"), text("0001"), key("enter")]);
  });

  test("control keys: backspace, tab, ctrl letters", () => {
    expect(decode("12\u007f\b\t\u0015\u0003")).toEqual([
      text("12"),
      key("backspace"),
      key("backspace"),
      key("tab"),
      key("ctrl+u"),
      key("ctrl+c"),
    ]);
  });

  test("a lone Escape is Escape at once", () => {
    expect(decode("\u001b")).toEqual([key("escape")]);
  });

  test("a sequence split across chunks waits for the rest", () => {
    const decoder = new KeyDecoder();
    expect(decoder.push("12\u001b[2")).toEqual([text("12")]);
    expect(decoder.hasPending()).toBe(true);
    expect(decoder.push("1~")).toEqual([key("f10")]);
    expect(decoder.hasPending()).toBe(false);
  });

  test("flush reports a pending Escape and decodes what followed", () => {
    const decoder = new KeyDecoder();
    expect(decoder.push("a\u001b")).toEqual([text("a")]);
    expect(decoder.flush()).toEqual([key("escape")]);
    expect(decoder.push("\u001b[")).toEqual([]);
    expect(decoder.flush()).toEqual([key("escape"), text("[")]);
  });

  test("Escape followed by text (Alt+key) is Escape then the text", () => {
    expect(decode("\u001bx")).toEqual([key("escape"), text("x")]);
  });

  test("unknown sequences are dropped, not typed", () => {
    expect(decode("\u001b[99~1")).toEqual([text("1")]);
    expect(decode("\u001b[I")).toEqual([]);
  });

  test("non-ASCII text passes through", () => {
    expect(decode("Молоко")).toEqual([text("Молоко")]);
  });
});
