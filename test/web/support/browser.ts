/**
 * A headless Chromium (Debian's `chromium`, installed by scripts/setup) driven with
 * playwright-core, for the web console's end-to-end tests. Each test file opens one browser;
 * `shot` keeps a screenshot under test-artifacts/web/ (gitignored) for a person to look at.
 *
 *   await using web = await openBrowser();
 *   const page = await web.page();
 *   await shot(page, "hq-dashboard");
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";

const root = resolve(import.meta.dir, "../../..");
export const ARTIFACTS = join(root, "test-artifacts", "web");

/** Where Chromium is: RINGUP_CHROMIUM, or Debian's package. */
export function chromiumPath(): string {
  const path = process.env.RINGUP_CHROMIUM ?? "/usr/bin/chromium";
  if (!existsSync(path)) {
    throw new Error(
      `no Chromium at ${path}: run bash scripts/setup (installs Debian's chromium) or set RINGUP_CHROMIUM`,
    );
  }
  return path;
}

export class WebBrowser implements AsyncDisposable {
  private constructor(readonly browser: Browser) {}

  static async open(): Promise<WebBrowser> {
    const browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
    });
    return new WebBrowser(browser);
  }

  /** A page in a fresh context (its own cookies), 1280×800. */
  async page(): Promise<Page> {
    const context = await this.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    return page;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.browser.close();
  }
}

export function openBrowser(): Promise<WebBrowser> {
  return WebBrowser.open();
}

/** Keeps a full-page screenshot as test-artifacts/web/NAME.png. */
export async function shot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Signs in to a console at `url` with a token. */
export async function signIn(page: Page, url: string, token: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.fill("input[name=token]", token);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.endsWith("/sign-in")),
    page.click("button[type=submit]"),
  ]);
}

/**
 * Clicks what sends a form or follows a link, and waits until the page it leads to has loaded,
 * so what the test reads next is the new page, not the one the click left.
 */
export async function clickAndLoad(page: Page, selector: string | Locator): Promise<void> {
  const loaded = page.waitForNavigation({ waitUntil: "load" });
  await (typeof selector === "string" ? page.click(selector) : selector.click());
  await loaded;
}
