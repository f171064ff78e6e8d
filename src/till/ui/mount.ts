/**
 * Puts the till on a terminal: the Ink app with the settings `ringup till` runs it with, and
 * frames shown at once after a key that changes the sale (see TillController.showAtOnce).
 */
import { type Instance, type RenderOptions, render } from "ink";
import { createElement } from "react";
import type { TillController } from "../app/controller.ts";
import { TillApp } from "./app.tsx";

export function mountTill(controller: TillController, options: RenderOptions = {}): Instance {
  const instance = render(createElement(TillApp, { controller }), {
    exitOnCtrlC: false,
    // Keys typed in a burst (a keyboard-wedge scanner) share frames; at most 60 a second.
    maxFps: 60,
    // Only the rows that changed are written (each whole: patches/ink@8.0.0.patch), not the
    // whole frame erased and drawn again: a fraction of the bytes for a scan, fewer still for
    // a key typed, and no flicker on a text console, which has no synchronized output. The
    // terminal's line discipline handles every byte written, so fewer bytes is less CPU.
    incrementalRendering: true,
    ...options,
  });
  controller.showAtOnce(() => {
    void instance.waitUntilRenderFlush();
  });
  return instance;
}

/**
 * The till on streams of its own rather than the process's terminal (a test's fake terminal):
 * the same settings, without taking over the console.
 */
export function mountOnStreams(
  controller: TillController,
  streams: { stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream },
): Instance {
  return mountTill(controller, { ...streams, interactive: true, patchConsole: false });
}
