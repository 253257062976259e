// End-to-end tests of the embeddable widget in headless Chromium against the packaged server on its embedded
// defaults: the demo shop page, host pages on other origins (hostile CSS, a strict CSP, an origin the tenant
// does not allow), a phone-sized viewport, and booking with the keyboard alone.
//
// Run: npm run e2e (CONCIERGE_JAR = the jar to test, default ../bootstrap/target/concierge.jar;
// CONCIERGE_CHROMIUM = the browser, default /usr/bin/chromium; CONCIERGE_E2E_KEEP_DATA=1 keeps the server's
// temporary folder with its log and outbox).
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchChromium } from './support/browser.mjs';
import { serveHostPages } from './support/host-pages.mjs';
import { startPacingProxy } from './support/pacing-proxy.mjs';
import { freePort, startConcierge } from './support/server.mjs';
import { eventually, focused, openPage, part, tabTo, widgetStyles } from './support/widget-page.mjs';

const TITLE = 'Concierge Demo Shop';
const GREETING = 'Hello! How can I help you today?';
const OFFLINE_REPLY = 'No language model is configured';
const VISITOR_KEY = 'concierge:demo:visitor';
const CONVERSATION_KEY = 'concierge:demo:conversation';
// Each group of tests, however its steps go, ends within this time.
const SUITE_TIMEOUT_MS = 180_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** @type {Awaited<ReturnType<typeof startConcierge>>} */
let concierge;
/** @type {Awaited<ReturnType<typeof serveHostPages>>} */
let hosts;
/** @type {Awaited<ReturnType<typeof startPacingProxy>>} */
let pacing;
/** @type {import('playwright-core').Browser} */
let browser;
let allowedOrigin = '';
let disallowedOrigin = '';

before(async () => {
  const [allowedPort, disallowedPort] = [await freePort(), await freePort()];
  allowedOrigin = `http://127.0.0.1:${allowedPort}`;
  disallowedOrigin = `http://127.0.0.1:${disallowedPort}`;
  const started = Date.now();
  browser = await launchChromium();
  concierge = await startConcierge({ extraOrigins: [allowedOrigin] });
  console.log(`Chromium ${browser.version()} and Concierge on ${concierge.origin} ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  pacing = await startPacingProxy(concierge.origin, await freePort(), 1000);
  hosts = await serveHostPages(concierge.origin, [allowedPort, disallowedPort], { pacedApiBase: pacing.origin });
});

after(async () => {
  await browser?.close();
  await hosts?.close();
  await pacing?.close();
  await concierge?.stop();
});

/** Opens the panel with the launcher and waits for the greeting. */
async function openWidget(page) {
  await part(page, 'launcher').click();
  await part(page, 'panel').waitFor({ state: 'visible' });
  await page.locator('[data-part="message"][data-greeting="true"]').waitFor({ state: 'visible' });
}

/** Free slot starts the server offers the demo tenant now. */
async function freeSlotStarts() {
  const answer = await fetch(`${concierge.origin}/api/v1/widget/demo/slots`, { headers: { Origin: concierge.origin } });
  assert.equal(answer.status, 200);
  const body = await answer.json();
  return body.slots.map((slot) => slot.start);
}

/** The text of every .eml file the server's file mail sender has written so far. */
async function outboxMails() {
  const folder = join(concierge.dataDir, 'outbox');
  let names = [];
  try {
    names = (await readdir(folder)).filter((name) => name.endsWith('.eml'));
  } catch {
    return [];
  }
  return Promise.all(names.map((name) => readFile(join(folder, name), 'utf8')));
}

/** The 24-hour and 12-hour ways of writing an instant's time of day in Europe/Berlin. */
function timeOfDayPattern(iso) {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: 'numeric', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(new Date(iso));
  const hour = Number(parts.find((p) => p.type === 'hour')?.value);
  const minute = parts.find((p) => p.type === 'minute')?.value;
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  return new RegExp(`(^|\\D)(0?${hour}[:.]${minute}|${hour12}[:.]${minute}\\s?[AaPp]\\.?[Mm])`);
}

describe('the demo shop page (served under the server\'s own strict CSP)', { timeout: SUITE_TIMEOUT_MS }, () => {
  /** @type {Awaited<ReturnType<typeof openPage>>} */
  let tab;
  let visitorId = '';
  let conversationId = '';
  const sent = `Hello from the test ${Date.now()}`;

  before(async () => {
    tab = await openPage(browser);
  });
  after(async () => {
    await tab?.close();
  });

  it('shows the launcher, which opens the floating panel with the title and the greeting', async () => {
    const { page } = tab;
    const response = await page.goto(`${concierge.origin}/`);
    const policy = response?.headers()['content-security-policy'] ?? '';
    assert.match(policy, /default-src 'self'/);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);
    const launcher = part(page, 'launcher');
    await launcher.waitFor({ state: 'visible' });
    assert.equal(await page.locator('#concierge-widget').count(), 1, 'one widget root');
    assert.equal(await page.evaluate(() => document.getElementById('concierge-widget')?.parentElement === document.body), true);
    assert.equal(await launcher.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.evaluate(() => typeof window.Concierge?.open), 'function');

    await openWidget(page);
    const panel = part(page, 'panel');
    assert.equal(await launcher.getAttribute('aria-expanded'), 'true');
    assert.equal(await panel.getAttribute('role'), 'dialog');
    assert.equal(await panel.getAttribute('data-layout'), 'floating');
    const box = await panel.boundingBox();
    assert.ok(box !== null && box.width < 640 && box.height < 800, `a floating panel, not the whole window: ${JSON.stringify(box)}`);
    assert.equal((await part(page, 'title').textContent())?.trim(), TITLE);
    const greeting = page.locator('[data-part="message"][data-greeting="true"]');
    assert.equal(await greeting.getAttribute('data-role'), 'assistant');
    assert.ok((await greeting.textContent())?.includes(GREETING));
    assert.equal(await part(page, 'messages').getAttribute('role'), 'log');
    assert.equal(await part(page, 'messages').getAttribute('aria-live'), 'polite');
  });

  it('sends a message and shows the streamed reply', async () => {
    const { page } = tab;
    const send = part(page, 'send');
    assert.equal(await send.isDisabled(), true, 'send is disabled while the input is empty');
    await part(page, 'input').fill(sent);
    const streamed = page.waitForResponse((response) => response.url().includes('/api/v1/widget/demo/chat/stream'));
    await send.click();
    const response = await streamed;
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-type'] ?? '', /text\/event-stream/);

    const userMessages = page.locator('[data-part="message"][data-role="user"]');
    await eventually(async () => assert.equal((await userMessages.last().textContent())?.trim(), sent));
    const reply = page.locator('[data-part="message"][data-role="assistant"]:not([data-greeting])').last();
    await eventually(async () => {
      assert.ok((await reply.textContent())?.includes(OFFLINE_REPLY), 'the offline assistant\'s reply');
      assert.equal(await reply.getAttribute('data-streaming'), null, 'done streaming');
    });
    assert.equal(await part(page, 'typing').count(), 0, 'no typing indicator once the reply is complete');

    const stored = await page.evaluate(([v, c]) => [localStorage.getItem(v), localStorage.getItem(c)], [VISITOR_KEY, CONVERSATION_KEY]);
    visitorId = stored[0] ?? '';
    conversationId = stored[1] ?? '';
    assert.match(visitorId, /^[A-Za-z0-9_-]{22}$/);
    assert.match(conversationId, UUID);
  });

  it('books a free slot and shows the confirmation', async () => {
    const { page } = tab;
    await part(page, 'book').click();
    await part(page, 'booking').waitFor({ state: 'visible' });
    await part(page, 'slot').first().waitFor({ state: 'visible' });
    assert.equal(await part(page, 'messages').isVisible(), false, 'the booking view replaces the chat');
    assert.match((await part(page, 'zone').textContent()) ?? '', /Berlin/);
    assert.equal(await part(page, 'booking-notice').getAttribute('role'), 'status');
    assert.ok((await part(page, 'day').count()) > 0, 'slots grouped by day');

    const slot = part(page, 'slot').first();
    const start = (await slot.getAttribute('data-start')) ?? '';
    assert.ok((await freeSlotStarts()).includes(start), `the first slot shown (${start}) is one the server offers`);
    await slot.click();
    await part(page, 'booking-form').waitFor({ state: 'visible' });

    // Without name, e-mail and consent the form refuses, naming the fields.
    await part(page, 'submit-booking').click();
    await eventually(async () => assert.ok((await part(page, 'field-error').count()) > 0, 'field errors shown'));
    assert.equal(await page.locator('input[name="name"]').getAttribute('aria-invalid'), 'true');
    assert.equal(await part(page, 'booking-confirmed').count(), 0);

    const email = `visitor-${Date.now()}@example.com`;
    await page.locator('input[name="name"]').fill('Erika Mustermann');
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="phone"]').fill('+49 30 1234567');
    await page.locator('textarea[name="note"]').fill('Booked by the browser test.');
    await page.locator('input[type="checkbox"][name="consent"]').check();
    const booked = page.waitForResponse((r) => r.url().includes('/api/v1/widget/demo/bookings') && r.request().method() === 'POST');
    await part(page, 'submit-booking').click();
    assert.equal((await booked).status(), 201);

    const confirmed = part(page, 'booking-confirmed');
    await confirmed.waitFor({ state: 'visible' });
    assert.equal(await confirmed.getAttribute('role'), 'status');
    assert.match((await confirmed.textContent()) ?? '', timeOfDayPattern(start), 'the confirmation names the booked time');
    assert.equal((await freeSlotStarts()).includes(start), false, 'the slot is no longer offered');
    await eventually(async () => {
      const mails = await outboxMails();
      assert.ok(mails.some((mail) => mail.includes(email)), 'the visitor\'s receipt is in the outbox');
    }, 20_000, 250);
  });

  it('shows the conversation again after a reload', async () => {
    const { page } = tab;
    await page.reload();
    await part(page, 'launcher').waitFor({ state: 'visible' });
    if (!(await part(page, 'panel').isVisible())) await part(page, 'launcher').click();
    await part(page, 'panel').waitFor({ state: 'visible' });
    const userMessage = page.locator('[data-part="message"][data-role="user"]', { hasText: sent });
    await userMessage.waitFor({ state: 'visible' });
    const reply = page.locator('[data-part="message"][data-role="assistant"]:not([data-greeting])', { hasText: OFFLINE_REPLY });
    await reply.first().waitFor({ state: 'visible' });
    const stored = await page.evaluate(([v, c]) => [localStorage.getItem(v), localStorage.getItem(c)], [VISITOR_KEY, CONVERSATION_KEY]);
    assert.deepEqual(stored, [visitorId, conversationId], 'the same visitor and conversation');
  });

  it('did all of it without a CSP violation or an uncaught error', () => {
    assert.deepEqual(tab.cspViolations, []);
    assert.deepEqual(tab.cspConsoleErrors(), []);
    assert.deepEqual(tab.pageErrors, []);
    assert.deepEqual(tab.conciergeErrors(), []);
  });
});

describe('host pages on another origin that the tenant allows', { timeout: SUITE_TIMEOUT_MS }, () => {
  const PARTS = ['launcher', 'panel', 'title', 'close', 'message', 'input', 'send', 'book'];
  /** @type {Promise<Record<string, Record<string, string | number>>> | undefined} */
  let control;

  /** The widget's styles on a plain page without hostile CSS or a CSP, read once. */
  function controlStyles() {
    control ??= (async () => {
      const tab = await openPage(browser);
      try {
        await tab.page.goto(`${allowedOrigin}/plain`);
        await openWidget(tab.page);
        assert.deepEqual(tab.conciergeErrors(), []);
        return await widgetStyles(tab.page, PARTS);
      } finally {
        await tab.close();
      }
    })();
    return control;
  }

  it('shows a streamed reply growing piece by piece, marked as streaming until it is complete', async () => {
    // The page talks to Concierge through a proxy that holds each server-sent event for a second.
    const tab = await openPage(browser);
    try {
      const { page } = tab;
      await page.goto(`${allowedOrigin}/paced`);
      await openWidget(page);
      await part(page, 'input').fill('Hello, is anyone there?');
      await part(page, 'send').click();
      await part(page, 'typing').waitFor({ state: 'visible' });
      assert.equal(await part(page, 'send').isDisabled(), true, 'no second message while a reply is on its way');

      const streaming = page.locator('[data-part="message"][data-role="assistant"][data-streaming="true"]');
      await streaming.waitFor({ state: 'visible' });
      await eventually(async () => assert.match((await streaming.textContent()) ?? '', /No language model is configured/));
      const partial = (await streaming.textContent()) ?? '';
      assert.doesNotMatch(partial, /Sprachmodell/, `the first piece shows before the rest has arrived: ${partial}`);
      assert.equal(await part(page, 'typing').count(), 0, 'the typing indicator gives way to the reply');

      const reply = page.locator('[data-part="message"][data-role="assistant"]:not([data-greeting])').last();
      await eventually(async () => {
        assert.match((await reply.textContent()) ?? '', /Sprachmodell/);
        assert.equal(await reply.getAttribute('data-streaming'), null, 'no longer marked as streaming');
      });
      assert.equal(await page.locator('[data-part="message"][data-role="assistant"]:not([data-greeting])').count(), 1, 'one reply');
      assert.deepEqual(tab.pageErrors, []);
    } finally {
      await tab.close();
    }
  });

  it('a page whose CSS makes every element red and 40 px does not change the widget', async () => {
    const tab = await openPage(browser);
    try {
      const { page } = tab;
      await page.goto(`${allowedOrigin}/hostile`);
      // The page's own text does take the hostile rule, so the rule is live.
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('h1')).color), 'rgb(255, 0, 0)');
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('p')).fontSize), '40px');
      await openWidget(page);
      const hostile = await widgetStyles(page, PARTS);
      for (const [element, style] of Object.entries(hostile)) {
        assert.notEqual(style.color, 'rgb(255, 0, 0)', `${element} is not red`);
        assert.notEqual(style['font-size'], '40px', `${element} is not 40 px`);
      }
      assert.deepEqual(hostile, await controlStyles(), 'the widget looks the same as on a page without that CSS');
    } finally {
      await tab.close();
    }
  });

  it('a page with a strict Content-Security-Policy (no \'unsafe-inline\') shows a working widget and reports no violation', async () => {
    const tab = await openPage(browser);
    try {
      const { page } = tab;
      const response = await page.goto(`${allowedOrigin}/csp`);
      const policy = response?.headers()['content-security-policy'] ?? '';
      assert.match(policy, /style-src 'self'/);
      assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);
      await part(page, 'launcher').waitFor({ state: 'visible' });
      await openWidget(page);
      assert.deepEqual(await widgetStyles(page, PARTS), await controlStyles(), 'styled exactly as on a page without a CSP');

      await part(page, 'input').fill('Hello under a strict policy');
      await part(page, 'send').click();
      const reply = page.locator('[data-part="message"][data-role="assistant"]:not([data-greeting])', { hasText: OFFLINE_REPLY });
      await reply.first().waitFor({ state: 'visible' });
      await part(page, 'book').click();
      await part(page, 'slot').first().waitFor({ state: 'visible' });

      assert.deepEqual(tab.cspViolations, []);
      assert.deepEqual(tab.cspConsoleErrors(), []);
      assert.deepEqual(tab.pageErrors, []);
    } finally {
      await tab.close();
    }
  });});

describe('a widget that may not show', { timeout: SUITE_TIMEOUT_MS }, () => {
  /** Loads `url` and checks that no widget root appears and exactly one "[Concierge]" error is logged. */
  async function expectNothingButOneError(url) {
    const tab = await openPage(browser);
    try {
      const { page } = tab;
      await page.goto(url);
      await eventually(async () => assert.equal(tab.conciergeErrors().length, 1, 'the widget explains itself once'));
      // Give a second error or a late root element time to show up.
      await page.waitForTimeout(1500);
      assert.equal(tab.conciergeErrors().length, 1, `exactly one [Concierge] error: ${JSON.stringify(tab.conciergeErrors())}`);
      assert.equal(await page.evaluate(() => document.getElementById('concierge-widget')), null, 'no widget root');
      assert.equal(await part(page, 'launcher').count(), 0);
      assert.deepEqual(tab.pageErrors, []);
    } finally {
      await tab.close();
    }
  }

  it('on an origin the tenant does not allow: nothing rendered, one "[Concierge]" console error', async () => {
    await expectNothingButOneError(`${disallowedOrigin}/plain`);
  });

  it('with a client key no tenant has: nothing rendered, one "[Concierge]" console error', async () => {
    await expectNothingButOneError(`${allowedOrigin}/unknown-tenant`);
  });
});

describe('a phone-sized viewport (390 × 844)', { timeout: SUITE_TIMEOUT_MS }, () => {
  it('opens the panel full screen and modal, and its close button closes it', async () => {
    const tab = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });
    try {
      const { page } = tab;
      await page.goto(`${concierge.origin}/`);
      await openWidget(page);
      const panel = part(page, 'panel');
      assert.equal(await panel.getAttribute('data-layout'), 'fullscreen');
      const box = await panel.boundingBox();
      assert.ok(box !== null, 'the panel has a box');
      const near = (a, b) => Math.abs(a - b) <= 1;
      assert.ok(near(box.x, 0) && near(box.y, 0) && near(box.width, 390) && near(box.height, 844), `the panel fills the screen: ${JSON.stringify(box)}`);
      for (const name of ['close', 'input', 'send', 'book']) {
        const inner = await part(page, name).boundingBox();
        assert.ok(inner !== null && inner.x >= 0 && inner.y >= 0 && inner.x + inner.width <= 391 && inner.y + inner.height <= 845,
          `${name} is on the screen: ${JSON.stringify(inner)}`);
      }
      assert.equal(await part(page, 'input').evaluate((el) => getComputedStyle(el).fontSize), '16px', 'no zoom on focus');

      // Full screen, the panel is modal: it covers the launcher, holds the focus itself (so the phone's keyboard
      // does not pop up), and Tab stays inside it.
      assert.equal(await panel.getAttribute('aria-modal'), 'true');
      assert.equal(await part(page, 'launcher').isVisible(), false, 'the launcher is covered');
      await eventually(async () => assert.equal((await focused(page)).part, 'panel', 'focus is on the panel'));
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        const now = await focused(page);
        assert.ok(now.inPanel, `Tab ${i + 1} stays in the panel, not on ${now.part ?? now.tag}`);
      }

      await part(page, 'close').click();
      await part(page, 'panel').waitFor({ state: 'hidden' });
      assert.equal(await part(page, 'launcher').getAttribute('aria-expanded'), 'false');
      await eventually(async () => assert.equal((await focused(page)).part, 'launcher', 'focus is back on the launcher'));
    } finally {
      await tab.close();
    }
  });
});

describe('the keyboard alone (Tab, Enter, Space, Escape)', { timeout: SUITE_TIMEOUT_MS }, () => {
  it('opens the widget, books a slot, and Escape closes it with focus back on the launcher', async () => {
    const tab = await openPage(browser);
    try {
      const { page } = tab;
      await page.goto(`${concierge.origin}/`);
      await part(page, 'launcher').waitFor({ state: 'visible' });

      await tabTo(page, (f) => f.part === 'launcher', 'the launcher');
      await page.keyboard.press('Enter');
      await part(page, 'panel').waitFor({ state: 'visible' });
      await eventually(async () => {
        const now = await focused(page);
        assert.equal(now.inPanel, true, 'focus moved into the panel');
        assert.equal(now.part, 'input', 'the floating panel puts focus on the message input');
      });

      await tabTo(page, (f) => f.part === 'book', 'the booking button');
      await page.keyboard.press('Enter');
      await part(page, 'booking').waitFor({ state: 'visible' });
      await part(page, 'slot').first().waitFor({ state: 'visible' });

      const slot = await tabTo(page, (f) => f.part === 'slot', 'a slot', 60);
      assert.equal(slot.inPanel, true);
      const start = await page.evaluate(() => document.getElementById('concierge-widget')?.shadowRoot?.activeElement?.getAttribute('data-start'));
      await page.keyboard.press('Space');
      await part(page, 'booking-form').waitFor({ state: 'visible' });

      await tabTo(page, (f) => f.name === 'name', 'the name field');
      await page.keyboard.type('Kim Keyboard');
      await tabTo(page, (f) => f.name === 'email', 'the e-mail field');
      await page.keyboard.type(`keyboard-${Date.now()}@example.com`);
      await tabTo(page, (f) => f.name === 'consent', 'the consent checkbox');
      await page.keyboard.press('Space');
      assert.equal((await focused(page)).checked, true, 'Space ticks the consent box');
      await tabTo(page, (f) => f.part === 'submit-booking', 'the submit button');
      await page.keyboard.press('Enter');

      const confirmed = part(page, 'booking-confirmed');
      await confirmed.waitFor({ state: 'visible' });
      assert.match((await confirmed.textContent()) ?? '', timeOfDayPattern(start ?? ''), 'the confirmation names the booked time');
      assert.equal((await freeSlotStarts()).includes(start ?? ''), false, 'the slot is taken');

      await page.keyboard.press('Escape');
      await part(page, 'panel').waitFor({ state: 'hidden' });
      assert.equal(await part(page, 'launcher').getAttribute('aria-expanded'), 'false');
      await eventually(async () => assert.equal((await focused(page)).part, 'launcher', 'focus is back on the launcher'));
      assert.deepEqual(tab.pageErrors, []);
    } finally {
      await tab.close();
    }
  });
});

describe('a slot someone else books meanwhile', { timeout: SUITE_TIMEOUT_MS }, () => {
  it('is refused with a notice, and the slots shown no longer include it', async () => {
    const tab = await openPage(browser);
    try {
      const { page } = tab;
      await page.goto(`${concierge.origin}/`);
      await openWidget(page);
      await part(page, 'book').click();
      const slot = part(page, 'slot').first();
      await slot.waitFor({ state: 'visible' });
      const start = (await slot.getAttribute('data-start')) ?? '';
      await slot.click();
      await part(page, 'booking-form').waitFor({ state: 'visible' });
      await page.locator('input[name="name"]').fill('Second Visitor');
      await page.locator('input[name="email"]').fill(`second-${Date.now()}@example.com`);
      await page.locator('input[type="checkbox"][name="consent"]').check();
      assert.equal(await part(page, 'booking-notice').textContent(), '', 'no news yet');

      // Another visitor books the same slot first.
      const first = await fetch(`${concierge.origin}/api/v1/widget/demo/bookings`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: concierge.origin },
        body: JSON.stringify({ start, name: 'First Visitor', email: `first-${Date.now()}@example.com` }),
      });
      assert.equal(first.status, 201);

      const refused = page.waitForResponse((r) => r.url().includes('/api/v1/widget/demo/bookings') && r.request().method() === 'POST');
      await part(page, 'submit-booking').click();
      assert.equal((await refused).status(), 409);
      await eventually(async () => assert.notEqual(((await part(page, 'booking-notice').textContent()) ?? '').trim(), '', 'a notice says why'));
      await part(page, 'slot').first().waitFor({ state: 'visible' });
      assert.equal(await page.locator(`[data-part="slot"][data-start="${start}"]`).count(), 0, 'the taken slot is gone from the list');
      assert.equal(await part(page, 'booking-confirmed').count(), 0);
      assert.deepEqual(tab.pageErrors, []);
    } finally {
      await tab.close();
    }
  });
});
