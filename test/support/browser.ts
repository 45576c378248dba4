import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/seed.ts';
import { type Running, startServer } from './http.ts';

/** Debian's Chromium unless CHROMIUM_PATH names another. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const PHONE = { width: 360, height: 740 };

type Viewport = { width: number; height: number };

/** The real server (demo database) and a headless Chromium, shared by the tests of one file. */
export interface BrowserRig {
  server: Running;
  browser: Browser;
  /** A scratch folder for the files a test writes, removed after the tests. */
  folder: string;
  /** A new browser context on the login page, the form filled in and sent; does not wait for the answer. */
  submitLogin(username: string, password: string, viewport: Viewport): Promise<Page>;
  /** Logged in as a demo user, on the area page the login leads to. */
  loginAs(username: string, viewport: Viewport): Promise<Page>;
}

/**
 * Starts the server and Chromium before the file's tests and closes them after: call it at the top of a
 * `describe`, read the rig's fields inside the tests. `folderPrefix` also makes a scratch folder.
 */
export function useBrowserRig(folderPrefix?: string): BrowserRig {
  const rig = {
    async submitLogin(username: string, password: string, viewport: Viewport) {
      const page = await (await rig.browser.newContext({ viewport, locale: 'vi-VN' })).newPage();
      await page.goto(`${rig.server.base}/login`);
      await page.getByLabel(/Tên đăng nhập/).fill(username);
      await page.getByLabel(/Mật khẩu/).fill(password);
      await page.getByRole('button', { name: /Đăng nhập/ }).click();
      return page;
    },
    async loginAs(username: string, viewport: Viewport) {
      const page = await rig.submitLogin(username, DEMO_PASSWORD, viewport);
      await page.waitForURL(/\/areas\//);
      return page;
    },
  } as BrowserRig;

  beforeAll(async () => {
    if (!fs.existsSync(new URL('../../dist/web/index.html', import.meta.url)))
      throw new Error('Build the web app first: npm run build:web');
    if (folderPrefix) rig.folder = fs.mkdtempSync(path.join(os.tmpdir(), folderPrefix));
    [rig.server, rig.browser] = await Promise.all([
      startServer('sqlite'),
      chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await rig.browser?.close();
    await rig.server?.close();
    if (rig.folder) fs.rmSync(rig.folder, { recursive: true, force: true });
  });
  return rig;
}

/**
 * Counts the taps a page receives from now on, across its navigations: every click the page receives is a tap
 * (typing in a field is not); a file chosen is the tap on its field.
 */
export async function tapCounter(page: Page) {
  let taps = 0;
  await page.exposeFunction('__tap', () => {
    taps += 1;
  });
  const listen = () =>
    document.addEventListener(
      'click',
      (e) => e.isTrusted && (window as unknown as { __tap(): void }).__tap(),
      true,
    );
  await page.addInitScript(listen);
  await page.evaluate(listen);
  return () => taps;
}
