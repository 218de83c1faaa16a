// Packs and files for the WebKit suite, and handing a file to the page's file inputs.
import assert from 'node:assert/strict';
import { until } from './webdriver.mjs';

const PLACES = ['Harbourside', 'Millbrook', 'Eastfield', 'Kilrush', 'Stonebridge', 'Ardmore', 'Westport', 'Glenview'];
const SUBJECTS = ['library hours', 'a cycle lane', 'the swimming pool', 'school meals', 'street lighting', 'a bus timetable', 'the market square'];

/**
 * A pack file of `n` short local-news articles made up for the tests (no link to the seed pack), each
 * with its own title, author and date, so that the explorer has more rows than one page shows.
 */
export function syntheticPack(n) {
  const articles = [];
  for (let i = 1; i <= n; i++) {
    const place = PLACES[i % PLACES.length];
    const subject = SUBJECTS[i % SUBJECTS.length];
    const title = `${place} council vote number ${i} on ${subject}`;
    const text = `${title}\n\nThe ${place} council voted on ${subject} at its meeting on Monday, the ${i}th item on a long agenda.\n\n`
      + `"We listened to residents," said councillor Jordan Reilly, who chaired the meeting. Officials said a report would follow next month.\n\n`
      + `Residents can read the minutes at the town hall.`;
    articles.push({
      slug: `council-vote-${i}`,
      title,
      title_curated: false,
      byline: `By Writer ${i % 7}`,
      author: `Writer ${i % 7}`,
      printed_date: `${1 + (i % 28)} March 2025`,
      notes: [],
      analysis: { version: 1, text },
    });
  }
  return { version: 2, id: 'webkit-class', title: 'Council votes', articles };
}

/**
 * Hands a file named `name` with `text` to the file input labelled `label`: a DataTransfer's files
 * set by script, then the `change` event a person's choice fires (what the app listens to). The
 * browser's own file chooser is not exercised.
 */
export async function chooseFile(session, label, name, text, type = 'application/json') {
  const input = await until(`the file input "${label}"`, async () => {
    const inputs = await session.exec(() => Array.from(document.querySelectorAll('input[type=file]')));
    for (const candidate of inputs) {
      if ((await session.command('GET', `/element/${candidate.id}/computedlabel`)) === label) return candidate;
    }
    return false;
  });
  await session.exec((el, file_name, contents, mime) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([contents], file_name, { type: mime }));
    el.files = transfer.files;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, input, name, text, type);
}

/** Loads a pack file on the import page and waits for its report (`n` articles added). */
export async function loadPack(session, name, json, n) {
  await session.one('heading', { name: 'Your articles' });
  await chooseFile(session, 'Load a pack file (.json)', name, json);
  const main = await session.one('main');
  const report = await until('the pack report', async () => {
    for (const status of await session.all('status', { within: main })) {
      const text = await session.text(status);
      if (text.includes('Loaded “')) return text;
    }
    return false;
  }, { timeout: 60_000 });
  assert.match(report, new RegExp(`added ${n} articles`), report);
}
