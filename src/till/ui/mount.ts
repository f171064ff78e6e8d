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
    // Whole frames (about 2 KB at 80×24, in one synchronized write): simple for any console.
    incrementalRendering: false,
    ...options,
  });
  controller.showAtOnce(() => {
    void instance.waitUntilRenderFlush().then(() => controller.frameShown());
  });
  return instance;
}
