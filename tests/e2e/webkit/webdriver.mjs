// A small W3C WebDriver client for WebKit (WebKitGTK's WebKitWebDriver driving MiniBrowser), which
// Playwright cannot drive. Elements are found by role and accessible name as the browser's own
// accessibility tree computes them (the WebDriver "computed role" and "computed label" commands).
//
// Classic WebDriver cannot read WebKit's console or network. Each page therefore gets a recorder,
// installed by script right after every navigation this client makes and again by every element
// lookup (so a reload the app makes itself is covered from the next lookup on). See `WATCH`
// for what it catches and what it cannot.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import assert from 'node:assert/strict';

export const BASE = process.env.PARALLAX_URL;
if (!BASE) throw new Error('PARALLAX_URL is not set: run the suite through `cargo xtask e2e --engine webkit`');
const ORIGIN = new URL(BASE).origin;
const MINIBROWSER = process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Candidate elements per ARIA role; the browser then confirms the role and computes the name. */
const ROLE_SELECTORS = {
  link: 'a[href], [role=link]',
  heading: 'h1, h2, h3, h4, h5, h6, [role=heading]',
  list: 'ul, ol, [role=list]',
  listitem: 'li, [role=listitem]',
  checkbox: 'input[type=checkbox], [role=checkbox]',
  radio: 'input[type=radio], [role=radio]',
  button: 'button, summary, input[type=button], input[type=submit], [role=button]',
  textbox: 'input:not([type]), input[type=text], textarea, [role=textbox]',
  searchbox: 'input[type=search], [role=searchbox]',
  combobox: 'select:not([multiple]):not([size]), [role=combobox]',
  navigation: 'nav, [role=navigation]',
  main: 'main, [role=main]',
  banner: 'header, [role=banner]',
  region: 'section, [role=region]',
  group: 'fieldset, details, [role=group]',
  status: 'output, [role=status]',
  alert: '[role=alert]',
  form: 'form, [role=form]',
  article: 'article, [role=article]',
  table: 'table, [role=table]',
  row: 'tr, [role=row]',
};

/**
 * Where WebKit's computed role differs from the ARIA role HTML-AAM gives an element: a single-line
 * `<select>` is a "combobox" there (and to Playwright), but WebKit computes "button" for it.
 */
const WEBKIT_ROLES = { combobox: { tag: 'SELECT', computed: 'button' } };

/** The keys of the WebDriver keyboard, by the names Playwright uses. */
export const KEY = {
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  Escape: '\uE00C',
  Space: '\uE00D',
  ArrowUp: '\uE013',
  ArrowDown: '\uE015',
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

/**
 * The recorder, as the body of a script run in the page (idempotent per document). It wraps every
 * `console` method, listens for uncaught errors (capturing, so a script or stylesheet that fails to
 * load counts too), unhandled promise rejections and Content-Security-Policy violations, and
 * observes the URL of every resource the page's document fetches (`buffered`, so the resources of the
 * page load before the recorder existed are included, up to the browser's resource-timing buffer).
 * What it records is kept in `sessionStorage` under `e2e:watch`, so a reload the app itself makes
 * loses nothing recorded before it.
 *
 * It cannot see: a console message or error that happens before it is installed in a document (the
 * app's start-up until the first script this client runs); messages the engine writes to the console
 * itself without a page-visible event (e.g. a failed `fetch` that the app handles); anything in a
 * Web Worker or the service worker (their own consoles, and their requests, which are not in the
 * page's resource timeline); and requests refused before they are made other than by the CSP.
 */
const WATCH = `
  if (!window.__e2eWatch) {
    window.__e2eWatch = true;
    const load = () => { try { return JSON.parse(sessionStorage.getItem('e2e:watch')) || { messages: [], resources: [] }; } catch { return { messages: [], resources: [] }; } };
    const record = (kind, value) => {
      const seen = load();
      if (kind === 'resources' && seen.resources.includes(value)) return;
      seen[kind].push(value);
      try { sessionStorage.setItem('e2e:watch', JSON.stringify(seen)); } catch { window.__e2eLost = (window.__e2eLost || 0) + 1; }
    };
    const show = (value) => { try { return value instanceof Error ? value.message : typeof value === 'object' ? JSON.stringify(value) : String(value); } catch { return String(value); } };
    for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table']) {
      const original = console[level];
      console[level] = function (...args) { record('messages', level + ': ' + args.map(show).join(' ')); return original.apply(this, args); };
    }
    const assertOriginal = console.assert;
    console.assert = function (condition, ...args) { if (!condition) record('messages', 'assert: ' + args.map(show).join(' ')); return assertOriginal.call(this, condition, ...args); };
    addEventListener('error', (event) => record('messages', 'uncaught: ' + (event.message || ('failed to load ' + (event.target && (event.target.src || event.target.href))))), true);
    addEventListener('unhandledrejection', (event) => record('messages', 'unhandled rejection: ' + show(event.reason)));
    document.addEventListener('securitypolicyviolation', (event) => record('messages', 'CSP violation: ' + event.violatedDirective + ' ' + event.blockedURI));
    const observe = (entries) => { for (const entry of entries) record('resources', entry.name); };
    observe(performance.getEntriesByType('navigation'));
    new PerformanceObserver((list) => observe(list.getEntries())).observe({ type: 'resource', buffered: true });
  }
`;

/** An element of the page: its WebDriver reference and the accessible name found with it. */
export class El {
  constructor(id, name) {
    this.id = id;
    this.name = name;
  }

  toJSON() {
    return { [ELEMENT]: this.id };
  }
}

function revive(value) {
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === 'object') {
    if (typeof value[ELEMENT] === 'string') return new El(value[ELEMENT]);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
  }
  return value;
}

const matches = (name, wanted) => wanted === undefined || (wanted instanceof RegExp ? wanted.test(name) : name === wanted);

/** One browser session (a fresh MiniBrowser profile). */
export class Session {
  /**
   * `popups`: scripts may open windows without a user gesture (MiniBrowser's setting), which
   * `openSized` needs.
   */
  static async open(driver_url, { width = 1280, height = 900, popups = false } = {}) {
    const args = ['--automation', ...(popups ? ['--javascript-can-open-windows-automatically=true'] : [])];
    const response = await fetch(`${driver_url}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args } } },
      }),
    });
    const body = await response.json();
    if (!body.value?.sessionId) throw new Error(`no WebKit session: ${JSON.stringify(body)}`);
    const session = new Session(`${driver_url}/session/${body.value.sessionId}`);
    await session.command('POST', '/window/rect', { width, height });
    await session.command('POST', '/timeouts', { script: 60_000 });
    return session;
  }

  constructor(prefix) {
    this.prefix = prefix;
  }

  /**
   * One WebDriver command. A driver that stops answering (seen once on a loaded machine: MiniBrowser
   * hung and the request waited five minutes before "fetch failed") fails the command after 90 s,
   * naming it, instead of stalling the suite.
   */
  async command(method, path, body) {
    let response;
    try {
      response = await fetch(this.prefix + path, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(90_000),
      });
    } catch (error) {
      throw new Error(`WebKitWebDriver did not answer ${method} ${path}: ${error.message}`);
    }
    const json = await response.json();
    if (json.value && json.value.error) throw new Error(`${path}: ${json.value.error}: ${json.value.message}`);
    return revive(json.value);
  }

  /** Navigates, then installs the recorder in the new document. */
  async goto(url) {
    await this.command('POST', '/url', { url });
    await this.watch();
  }

  /** Opens `hash` of the app (e.g. '#/read/slug'). */
  open(hash = '') { return this.goto(BASE + hash); }

  /**
   * Opens `hash` of the app in a window whose page is `width`×`height` CSS pixels (a phone's, say),
   * which becomes the session's only window. MiniBrowser's own windows have a toolbar that keeps them
   * at least 447 px wide, whatever `POST /window/rect` asks; a window a script opens with
   * `toolbar=no` has none, so its page gets the whole window. Needs a session opened with `popups`.
   */
  async openSized(hash, { width, height }) {
    const first = await this.command('GET', '/window');
    const opened = await this.exec((w, h) => window.open('about:blank', '_blank', `width=${w},height=${h},toolbar=no,location=no,menubar=no,status=no`) !== null, width, height);
    if (!opened) throw new Error('the window was not opened: open the session with { popups: true }');
    const sized = await until('the sized window', async () => (await this.command('GET', '/window/handles')).find((handle) => handle !== first));
    await this.command('DELETE', '/window');
    await this.command('POST', '/window', { handle: sized });
    await this.command('POST', '/window/rect', { width, height });
    await this.goto(BASE + hash);
    const inner = await this.exec(() => [innerWidth, innerHeight]);
    assert.deepEqual(inner, [width, height], 'the page has the size asked for');
  }
  url() { return this.command('GET', '/url'); }
  title() { return this.command('GET', '/title'); }
  async back() { await this.command('POST', '/back', {}); await this.watch(); }
  async reload() { await this.command('POST', '/refresh', {}); await this.watch(); }
  close() { return this.command('DELETE', ''); }

  /** Runs `fn` (a function, or a script body) in the page with `args`; returns its result. */
  exec(fn, ...args) {
    const script = typeof fn === 'function' ? `return (${fn}).apply(null, arguments);` : fn;
    return this.command('POST', '/execute/sync', { script, args });
  }

  /** Runs `fn` in the page and waits for the promise it returns. */
  async execAsync(fn, ...args) {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => (${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
        .then((value) => done({ value }), (error) => done({ error: String(error && error.stack || error) }));`;
    const result = await this.command('POST', '/execute/async', { script, args });
    if (result && result.error) throw new Error(`script failed in the page: ${result.error}`);
    return result?.value;
  }

  /** Installs the recorder in the current document, if it is not there already. */
  watch() { return this.exec(WATCH); }

  /**
   * Asserts what the recorder saw in this session: no console message, no uncaught error, rejection
   * or CSP violation, and no resource from another origin (data: and blob: URLs are the page's own).
   */
  async assertQuiet() {
    const seen = await this.exec(() => JSON.parse(sessionStorage.getItem('e2e:watch')) || { messages: [], resources: [] });
    assert.ok(seen.resources.length > 0, 'the recorder observed the page\'s resources');
    assert.deepEqual(seen.messages, [], 'the console must stay empty (as far as a recorder in the page sees)');
    const foreign = seen.resources.filter((url) => {
      const parsed = new URL(url);
      return !['data:', 'blob:'].includes(parsed.protocol) && parsed.origin !== ORIGIN;
    });
    assert.deepEqual(foreign, [], 'no request may leave the origin');
    return seen;
  }

  /** Runs axe-core on the page and asserts zero violations. */
  async assertAccessible(where) {
    await this.exec(`if (!window.axe) { ${AXE_SOURCE}\n }; return typeof window.axe;`);
    const violations = await this.execAsync(async () => {
      // eslint-disable-next-line no-undef
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(violations, [], `axe-core violations on ${where}`);
  }

  /**
   * Every element whose computed role is `role`, whose computed name matches `name` (a string, exact,
   * or a RegExp) when given, inside `within` when given. Like Playwright's `getByRole`, elements
   * outside the accessibility tree (hidden, or inside `aria-hidden`) are left out.
   */
  async all(role, { name, within } = {}) {
    const selector = ROLE_SELECTORS[role];
    if (!selector) throw new Error(`no candidate selector for role ${role}`);
    const candidates = await this.exec(`${WATCH}
      const [root, selector] = arguments;
      return Array.from((root || document).querySelectorAll(selector)).filter((el) =>
        !el.closest('[aria-hidden=true], [hidden]') && el.getClientRects().length > 0
        && getComputedStyle(el).visibility !== 'hidden');`, within ?? null, selector);
    const found = [];
    const differs = WEBKIT_ROLES[role];
    for (const element of candidates) {
      const computed = await this.command('GET', `/element/${element.id}/computedrole`);
      if (computed !== role && !(differs && computed === differs.computed
        && (await this.exec((el) => el.tagName, element)) === differs.tag)) continue;
      const label = await this.command('GET', `/element/${element.id}/computedlabel`);
      if (matches(label, name)) found.push(new El(element.id, label));
    }
    return found;
  }

  /** Waits until exactly one element matches, and returns it. */
  async one(role, options = {}, { timeout } = {}) {
    const what = `one ${role}${options.name === undefined ? '' : ` named ${options.name}`}`;
    return until(what, async () => {
      const found = await this.all(role, options);
      return found.length === 1 && found[0];
    }, { timeout });
  }

  /** How many elements match now. */
  async count(role, options = {}) {
    return (await this.all(role, options)).length;
  }

  // The skeleton's names for the same look-ups.
  allByRole(role, options) { return this.all(role, options); }
  allByRoleWithin(within, role) { return this.all(role, { within }); }

  /**
   * Clicks `element` as WebDriver does (at its centre, after checking nothing covers it). It is first
   * scrolled to the middle of the viewport by script, instantly: the app's stylesheet asks for smooth
   * scrolling, and WebKitWebDriver checks and clicks while its own smooth scroll is still under way
   * ("not interactable", or a click that lands beside the element). While the page is still laying
   * out, the element can move between the scroll and the click, so "not interactable" is retried.
   */
  async click(element) {
    const deadline = Date.now() + 5_000;
    for (;;) {
      await this.exec((el) => el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' }), element);
      try {
        return await this.command('POST', `/element/${element.id}/click`, {});
      } catch (error) {
        if (!/not interactable/.test(error.message) || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }
  /**
   * Chooses the option of the `<select>` `element` whose text is `label` (a string, exact, or a RegExp)
   * as WebDriver does, by clicking the option (the select's `change` event follows); returns its value.
   */
  async selectOption(element, label) {
    const options = await this.exec((select) => Array.from(select.options).map((option) => [option, option.textContent.trim()]), element);
    const found = options.filter(([, text]) => matches(text, label));
    if (found.length !== 1) throw new Error(`${found.length} options named ${label}: ${options.map(([, text]) => text).join(' | ')}`);
    await this.exec((el) => el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' }), element);
    await this.command('POST', `/element/${found[0][0].id}/click`, {});
    return this.property(element, 'value');
  }
  text(element) { return this.command('GET', `/element/${element.id}/text`); }
  attribute(element, name) { return this.command('GET', `/element/${element.id}/attribute/${name}`); }
  property(element, name) { return this.command('GET', `/element/${element.id}/property/${name}`); }
  selected(element) { return this.command('GET', `/element/${element.id}/selected`); }
  clear(element) { return this.command('POST', `/element/${element.id}/clear`, {}); }
  /**
   * Types `text` into `element` key by key, as WebDriver's "Element Send Keys" does. A line break is
   * sent as the Enter key (WebKitWebDriver drops a literal "\n").
   */
  type(element, text) { return this.command('POST', `/element/${element.id}/value`, { text: text.replace(/\r?\n/g, KEY.Enter) }); }
  async active() { return this.command('GET', '/element/active'); }

  /** Presses (down and up) each key in turn on whatever has focus; names from `KEY` or characters. */
  async press(...keys) {
    const actions = [];
    for (const key of keys) {
      const value = KEY[key] ?? key;
      actions.push({ type: 'keyDown', value }, { type: 'keyUp', value });
    }
    await this.command('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.command('DELETE', '/actions');
  }

  /** Whether `element` has focus. */
  async focused(element) {
    return this.exec((el) => el === document.activeElement, element);
  }
}

/**
 * One test's session: opens `hash`, runs `body(session)`, then asserts the recorder stayed quiet and
 * closes the session whatever happened. WebKitWebDriver runs one session at a time.
 */
export async function withSession(driver, hash, body, options) {
  try {
    await inSession(driver, hash, body, options);
  } catch (error) {
    // MiniBrowser itself went away (seen on a loaded machine: every command then answers "invalid
    // session id"). That says nothing of the app, so the test runs once more in a new browser, and
    // says so; a failure of the test itself is never retried.
    if (!/invalid session id/.test(String(error?.message))) throw error;
    console.error(`webkit: the browser's session ended under the test (${error.message.slice(0, 120)}); running it again in a new session`);
    await inSession(driver, hash, body, options);
  }
}

async function inSession(driver, hash, body, options) {
  const session = await Session.open(driver.url, options);
  try {
    if (hash !== null) await session.open(hash);
    await body(session);
    await session.assertQuiet();
  } finally {
    await session.close().catch(() => {});
  }
}
