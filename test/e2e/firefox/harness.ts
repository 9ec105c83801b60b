// Firefox ESR (Debian's firefox-esr) with the built Firefox extension,
// driven by puppeteer-core over WebDriver BiDi (issue 15). Firefox has no
// host-resolver switch, so a small proxy sends every CRM host to the local
// fixture server (whose certificate is self-signed: insecure certificates are
// accepted) and lets loopback addresses (the sync server) through unchanged.
import { existsSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { launch, type Browser, type Frame, type Page } from 'puppeteer-core';

export const firefoxPath = () => process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const hasFirefox = () => existsSync(firefoxPath());

/** The moz-extension:// host Baton gets: fixed by pref so the popup's address is known. */
export const EXTENSION_UUID = '6f1c2a3e-7b4d-4e5f-8a9b-0c1d2e3f4a5b';
const GECKO_ID = 'baton@baton.dev';
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** CONNECT (https) and plain requests: CRM hosts to the fixture servers, loopback as asked. */
function startHostProxy(httpsPort: number, httpPort: number): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/');
    const local = LOOPBACK.has(url.hostname);
    const upstream = request(
      { host: '127.0.0.1', port: local ? Number(url.port || 80) : httpPort, method: req.method, path: url.pathname + url.search, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req, socket, head) => {
    const [host, port] = (req.url ?? '').split(':');
    const target = connect(LOOPBACK.has(host ?? '') ? Number(port) : httpsPort, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      target.write(head);
      target.pipe(socket);
      socket.pipe(target);
    });
    target.on('error', () => socket.destroy());
    socket.on('error', () => target.destroy());
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r(server)));
}

export interface FirefoxWithBaton {
  browser: Browser;
  popupUrl: string;
  optionsUrl: string;
  close(): Promise<void>;
}

/** Firefox ESR, headless, with the Firefox build (`.output/firefox-mv2`: WXT builds Manifest V2 for Firefox) installed as a temporary add-on. */
export async function launchFirefox(fixturePort: number, fixtureHttpPort = fixturePort): Promise<FirefoxWithBaton> {
  const proxy = await startHostProxy(fixturePort, fixtureHttpPort);
  const proxyPort = (proxy.address() as AddressInfo).port;
  const browser = await launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    protocol: 'webDriverBiDi',
    headless: true,
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // MV3 host permissions granted at install, as for a person who accepts the install prompt.
      'extensions.originControls.grantByDefault': true,
      'intl.locale.requested': 'en-US',
    },
  });
  await browser.installExtension(resolve('.output/firefox-mv2'));
  const base = `moz-extension://${EXTENSION_UUID}`;
  return {
    browser,
    popupUrl: `${base}/popup.html`,
    optionsUrl: `${base}/options.html`,
    close: async () => {
      await browser.close();
      proxy.close();
    },
  };
}

/**
 * The Baton sidebar frame of a page. Firefox's BiDi keeps reporting an
 * extension frame's first URL (about:blank), so the frame is found by asking
 * each child where it is.
 */
export async function firefoxSidebar(page: Page, timeout = 30_000): Promise<Frame> {
  await page.waitForSelector('iframe[data-baton="sidebar"]', { timeout });
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const at = await frame.evaluate(() => location.pathname).catch(() => '');
      if (at.endsWith('/sidebar.html')) return frame;
    }
    if (Date.now() > deadline) throw new Error('the sidebar frame did not load');
    await new Promise((r) => setTimeout(r, 200));
  }
}
