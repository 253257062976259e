// Helpers for driving the widget in a page: its parts by data-part (playwright's CSS locators pierce the
// open shadow root), the focused part, what the page logged, and Content-Security-Policy violations.

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Browser} Browser */

export const DEFAULT_TIMEOUT_MS = 15_000;

/** The widget part named `name`. */
export function part(page, name) {
  return page.locator(`[data-part="${name}"]`);
}

/**
 * Opens a fresh browser context (empty storage) and page, recording console messages, uncaught errors and
 * CSP violations (reported by the page's securitypolicyviolation events, which cross the shadow boundary).
 * @param {Browser} browser
 * @param {import('playwright-core').BrowserContextOptions} [options]
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
    ...options,
  });
  context.setDefaultTimeout(DEFAULT_TIMEOUT_MS);
  const page = await context.newPage();
  /** @type {{ type: string, text: string }[]} */
  const consoleMessages = [];
  /** @type {string[]} */
  const pageErrors = [];
  /** @type {{ directive: string, blocked: string, sample: string }[]} */
  const cspViolations = [];
  page.on('console', (message) => consoleMessages.push({ type: message.type(), text: message.text() }));
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.exposeFunction('__conciergeE2eViolation', (violation) => cspViolations.push(violation));
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        // @ts-ignore the binding exposed above
        window.__conciergeE2eViolation({ directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample });
      },
      true,
    );
  });
  return {
    context,
    page,
    consoleMessages,
    pageErrors,
    cspViolations,
    /** Console errors that Chromium logs when a CSP blocks something. */
    cspConsoleErrors: () => consoleMessages.filter((m) => /Content Security Policy|Refused to/i.test(m.text)),
    conciergeErrors: () => consoleMessages.filter((m) => m.type === 'error' && m.text.startsWith('[Concierge]')),
    close: () => context.close(),
  };
}

/** What has focus inside the widget, read through the shadow root. */
export async function focused(page) {
  return page.evaluate(() => {
    const host = document.getElementById('concierge-widget');
    const root = host?.shadowRoot ?? null;
    const element = root?.activeElement ?? null;
    if (element === null) {
      return { inWidget: false, inPanel: false, part: null, name: null, tag: document.activeElement?.tagName.toLowerCase() ?? null, checked: null };
    }
    const panel = root?.querySelector('[data-part="panel"]') ?? null;
    return {
      inWidget: true,
      inPanel: panel !== null && panel.contains(element),
      part: element.getAttribute('data-part'),
      name: element.getAttribute('name'),
      tag: element.tagName.toLowerCase(),
      checked: element instanceof HTMLInputElement ? element.checked : null,
    };
  });
}

/**
 * Presses Tab until the focused element matches, at most `max` times; fails listing where focus went.
 * @param {Page} page
 * @param {(f: Awaited<ReturnType<typeof focused>>) => boolean} matches
 * @param {string} what
 */
export async function tabTo(page, matches, what, max = 40) {
  const visited = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (matches(now)) return now;
    visited.push(now.part ?? now.name ?? now.tag);
  }
  throw new Error(`Tab never reached ${what} in ${max} presses; focus went to: ${visited.join(', ')}`);
}

/** Retries `check` until it stops throwing, or rethrows its last error after `timeoutMs`. */
export async function eventually(check, timeoutMs = DEFAULT_TIMEOUT_MS, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}

/**
 * Computed styles of the widget's text and controls, read through the shadow root: for each part, the
 * part itself and the element that directly holds its first piece of text.
 * @param {Page} page
 * @param {string[]} parts
 */
export async function widgetStyles(page, parts) {
  return page.evaluate((names) => {
    const root = document.getElementById('concierge-widget')?.shadowRoot;
    if (!root) throw new Error('no widget root');
    const props = ['color', 'font-size', 'font-family', 'font-weight', 'font-style', 'line-height', 'letter-spacing',
      'text-transform', 'background-color', 'border-top-color', 'padding-top', 'display', 'position'];
    const read = (element) => {
      const style = getComputedStyle(element);
      // Layout size, not the painted box: a transition running when the styles are read must not count.
      const box = element instanceof HTMLElement ? { width: element.offsetWidth, height: element.offsetHeight } : element.getBoundingClientRect();
      const out = {};
      for (const p of props) out[p] = style.getPropertyValue(p);
      out.width = Math.round(box.width);
      out.height = Math.round(box.height);
      return out;
    };
    const result = {};
    for (const name of names) {
      const element = root.querySelector(`[data-part="${name}"]`);
      if (!element) throw new Error(`no [data-part=${name}] in the widget`);
      result[name] = read(element);
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) => (node.textContent?.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP),
      });
      const text = walker.nextNode();
      if (text?.parentElement && text.parentElement !== element) result[`${name} text`] = read(text.parentElement);
    }
    return result;
  }, parts);
}
