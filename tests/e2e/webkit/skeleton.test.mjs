// The walking skeleton in WebKit (Safari's engine): the list, the reader, deep links, Back.
// WebDriver classic cannot read WebKit's console or network: a recorder in the page stands in for them
// (`assertQuiet`, see webdriver.mjs). Every element is found by role and accessible name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, Session, startDriver, until } from './webdriver.mjs';

let driver;
before(async () => { driver = await startDriver(); });
after(() => driver?.stop());

const TITLE = "NATO In Denial Of Importance Of Russia's 'Sphere Of Influence'";

async function articleLinks(session) {
  return until('five links in the list named Articles', async () => {
    const [list] = await session.allByRole('list', { name: 'Articles' });
    if (!list) return false;
    const links = await session.allByRoleWithin(list, 'link');
    return links.length === 5 && links;
  });
}

async function readerHeading(session, title) {
  return until(`the h1 "${title}"`, async () => {
    const headings = await session.allByRole('heading');
    const texts = await Promise.all(headings.map((h) => session.text(h)));
    return texts.includes(title) && headings;
  });
}

test('WebKit: the list, a click into the reader, Back, and the deep link in a fresh session', async () => {
  // WebKitWebDriver runs one session at a time: the fresh session starts after the first one closes.
  let deep_link;
  const session = await Session.open(driver.url);
  try {
    await session.goto(BASE);
    const links = await articleLinks(session);
    assert.match(await session.title(), /Parallax/);
    assert.equal((await session.allByRole('navigation', { name: 'Primary' })).length, 1);
    const link = links.find((l) => l.name === TITLE);
    assert.ok(link, `a link named "${TITLE}"`);
    await session.click(link);
    await readerHeading(session, TITLE);
    deep_link = await session.url();
    assert.match(deep_link, /\/parallax\/.*#\/read\//);
    await session.back();
    await articleLinks(session);
    await session.assertQuiet();
  } finally {
    await session.close();
  }

  const fresh = await Session.open(driver.url);
  try {
    await fresh.goto(deep_link);
    await readerHeading(fresh, TITLE);
    await fresh.assertQuiet();
  } finally {
    await fresh.close();
  }
});
