// A small W3C WebDriver client for WebKit (WebKitGTK's WebKitWebDriver driving MiniBrowser), which
// Playwright cannot drive. Elements are found by role and accessible name as the browser's own
// accessibility tree computes them (the WebDriver "computed role" and "computed label" commands).
import { spawn } from 'node:child_process';
import net from 'node:net';

export const BASE = process.env.PARALLAX_URL;
const MINIBROWSER = process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** Candidate elements per ARIA role; the browser then confirms the role and computes the name. */
const ROLE_SELECTORS = {
  link: 'a[href], [role=link]',
  heading: 'h1, h2, h3, h4, h5, h6, [role=heading]',
  list: 'ul, ol, [role=list]',
  checkbox: 'input[type=checkbox], [role=checkbox]',
  button: 'button, summary, [role=button]',
  navigation: 'nav, [role=navigation]',
  main: 'main, [role=main]',
  banner: 'header, [role=banner]',
};

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts WebKitWebDriver under a virtual display; returns `{ url, stop }`. */
export async function startDriver() {
  const port = await freePort();
  const child = spawn('xvfb-run', ['-a', process.env.WEBKIT_DRIVER || 'WebKitWebDriver', `--port=${port}`], { stdio: 'ignore', detached: true });
  const url = `http://127.0.0.1:${port}`;
  await until('WebKitWebDriver to listen', async () => (await fetch(`${url}/status`)).ok, { timeout: 20_000 });
  return {
    url,
    stop() {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    },
  };
}

export async function until(what, probe, { timeout = 15_000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last result: ${last}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** One browser session (a fresh MiniBrowser profile). */
export class Session {
  static async open(driver_url) {
    const response = await fetch(`${driver_url}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } },
      }),
    });
    const body = await response.json();
    if (!body.value?.sessionId) throw new Error(`no WebKit session: ${JSON.stringify(body)}`);
    const session = new Session(`${driver_url}/session/${body.value.sessionId}`);
    await session.command('POST', '/window/rect', { width: 1280, height: 900 });
    return session;
  }

  constructor(prefix) {
    this.prefix = prefix;
  }

  async command(method, path, body) {
    const response = await fetch(this.prefix + path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json();
    if (json.value && json.value.error) throw new Error(`${path}: ${json.value.error}: ${json.value.message}`);
    return json.value;
  }

  goto(url) { return this.command('POST', '/url', { url }); }
  url() { return this.command('GET', '/url'); }
  title() { return this.command('GET', '/title'); }
  back() { return this.command('POST', '/back', {}); }
  close() { return this.command('DELETE', ''); }

  /** Every element whose computed role is `role` (and whose computed name is `name`, when given). */
  async allByRole(role, { name } = {}) {
    const selector = ROLE_SELECTORS[role];
    if (!selector) throw new Error(`no candidate selector for role ${role}`);
    const found = await this.command('POST', '/elements', { using: 'css selector', value: selector });
    const matches = [];
    for (const reference of found) {
      const id = reference[ELEMENT];
      if ((await this.command('GET', `/element/${id}/computedrole`)) !== role) continue;
      const label = await this.command('GET', `/element/${id}/computedlabel`);
      if (name === undefined || label === name) matches.push({ id, name: label });
    }
    return matches;
  }

  /** Elements of `role` inside the element `within` (an `{ id }` from allByRole). */
  async allByRoleWithin(within, role) {
    const found = await this.command('POST', `/element/${within.id}/elements`, { using: 'css selector', value: ROLE_SELECTORS[role] });
    const matches = [];
    for (const reference of found) {
      const id = reference[ELEMENT];
      if ((await this.command('GET', `/element/${id}/computedrole`)) !== role) continue;
      matches.push({ id, name: await this.command('GET', `/element/${id}/computedlabel`) });
    }
    return matches;
  }

  click(element) { return this.command('POST', `/element/${element.id}/click`, {}); }
  text(element) { return this.command('GET', `/element/${element.id}/text`); }
}
