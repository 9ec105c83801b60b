// `npm start -- --open` starts Chromium; where it cannot (no browser, no
// display, root without a sandbox) it says so and what to do instead, and the
// demo keeps running.

export interface OpenContext {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  /** process.getuid(), where there is one */
  uid: number | null;
  browser: string | null;
}

/** Why --open cannot start the browser here, with what to do instead; null when it can. */
export function openProblem(c: OpenContext): string | null {
  if (!c.browser)
    return '--open found no Chromium (looked at CHROMIUM_PATH, /usr/bin/chromium, chromium-browser, google-chrome). Set CHROMIUM_PATH=/path/to/chromium, or open the pages listed below in your own Chromium with the command shown.';
  if (c.platform === 'linux' && !c.env.DISPLAY && !c.env.WAYLAND_DISPLAY)
    return '--open needs a display and there is none (DISPLAY is not set: an SSH session or a server?). Open the pages listed below in a browser on your desktop (forward the ports, e.g. ssh -L 8443:127.0.0.1:8443 -L 8787:127.0.0.1:8787), or give it a virtual display: xvfb-run npm start -- --open.';
  if (c.platform === 'linux' && c.uid === 0)
    return '--open does not start Chromium as root: Chromium refuses to run as root with its sandbox on. Run npm start as a normal user, or start the browser yourself with the command shown below (add --no-sandbox only inside a throwaway container).';
  return null;
}
