// The WebKit suite's own checks can fail: a console message, an uncaught error, a request to another
// origin and an accessibility violation, each made on purpose in the page, are each reported. (Classic
// WebDriver cannot read WebKit's console or network, so these checks run in the page; see
// `WATCH` in webdriver.mjs for what they miss.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Session, startDriver, until } from './webdriver.mjs';

let driver;
before(async () => { driver = await startDriver(); });
after(() => driver?.stop());

test('WebKit: the recorder reports console messages, uncaught errors and CSP-blocked foreign requests; axe-core reports violations', async () => {
  const session = await Session.open(driver.url);
  try {
    await session.open('');
    await session.one('navigation', { name: 'Primary' });
    // The production CSP is in force, and scripts run through WebDriver are not subject to it.
    assert.equal(await session.exec(() => typeof window.__e2eWatch), 'boolean', 'the recorder runs in the page');
    await session.assertQuiet();
    await session.assertAccessible('the home route');

    await session.exec(() => {
      console.warn('a warning on purpose');
      setTimeout(() => { throw new Error('thrown on purpose'); });
      Promise.reject(new Error('rejected on purpose'));
      const image = document.createElement('img');
      image.src = 'https://example.org/pixel.png';
      document.body.append(image);
    });
    const error = await until('the recorder to see all four', async () => {
      try {
        await session.assertQuiet();
        return false;
      } catch (caught) {
        return /thrown on purpose/.test(caught.message) && /rejected on purpose/.test(caught.message)
          && /CSP violation: img-src https:\/\/example\.org\/pixel\.png/.test(caught.message) && caught;
      }
    });
    assert.match(error.message, /warn: a warning on purpose/);

    // An image without a text alternative, inside main.
    await session.exec(() => {
      const image = document.createElement('img');
      image.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      document.querySelector('main').append(image);
    });
    await assert.rejects(session.assertAccessible('the home route with an unlabelled image'), /image-alt/);
  } finally {
    await session.close().catch(() => {});
  }
});
