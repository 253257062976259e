// Launches the machine's own headless Chromium through playwright-core. Nothing here downloads a browser:
// a missing Chromium is an error that says how to install it.
import { accessSync, constants } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CONCIERGE_CHROMIUM ?? '/usr/bin/chromium';

// Flags for a headless Chromium on a machine without outside network access: no GPU, no background
// connections to update, sync or metrics services.
const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-extensions',
];

/** Launches Chromium with a fresh profile, or fails with an explanation when it is not installed. */
export async function launchChromium() {
  try {
    accessSync(CHROMIUM, constants.X_OK);
  } catch {
    throw new Error(
      `Chromium was not found at ${CHROMIUM}. The browser tests need Debian's chromium package ` +
        '(apt-get install -y chromium) or CONCIERGE_CHROMIUM pointing at a Chromium binary; they never download one.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}
