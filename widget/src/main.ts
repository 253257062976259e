// Entry point of the Concierge embed script. It runs once inside an IIFE on the business's own
// website, so it must never throw, must do little while the page loads, and leaves the host page
// alone apart from window.Concierge and one root element holding a shadow root.
import { h, render } from 'preact';
import { ApiError, createApi, type PublicConfig } from './api';
import { App, type Command, type Remote } from './App';
import { findOwnScript, readWidgetConfig, WidgetConfigError, POSITIONS, oneOf, type WidgetConfig } from './config';
import { chooseLanguage } from './i18n';
import { visitorStore } from './storage';
import { visitorZone } from './time';
import css from './widget.css?inline';

interface ConciergeApi {
  open(): void;
  close(): void;
  toggle(): void;
}

declare global {
  interface Window {
    Concierge?: ConciergeApi;
  }
}

const ROOT_ID = 'concierge-widget';

function report(message: string): void {
  console.error('[Concierge] ' + message);
}

function start(): void {
  // A page that embeds the snippet twice still gets one widget.
  if (window.Concierge !== undefined || document.getElementById(ROOT_ID)) return;
  const script = findOwnScript(document);
  if (script === null) {
    report('Could not find the widget <script> tag (expected a data-client-id attribute).');
    return;
  }
  const settings = readWidgetConfig(script);
  const remote: Remote = { pending: [] };
  const command = (name: Command) => (): void => {
    if (remote.handle) remote.handle(name);
    else remote.pending.push(name);
  };
  window.Concierge = Object.freeze({ open: command('open'), close: command('close'), toggle: command('toggle') });
  void load(settings, remote);
}

async function load(settings: WidgetConfig, remote: Remote): Promise<void> {
  const api = createApi(settings.apiBase, settings.clientKey);
  let config: PublicConfig;
  try {
    config = await api.config();
  } catch (error) {
    report(explain(settings, error));
    return;
  }
  if (!document.body) await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
  const root = document.createElement('div');
  root.id = ROOT_ID;
  const shadow = root.attachShadow({ mode: 'open' });
  if ('adoptedStyleSheets' in Document.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } else {
    // Browsers without constructable style sheets (Safari before 16.4): a style element, which a
    // strict Content-Security-Policy blocks, but which is the only way there.
    const style = document.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
  document.body.append(root);
  render(
    h(App, {
      api,
      config,
      lang: chooseLanguage(settings.lang, navigator.languages ?? [navigator.language], config.language),
      position: settings.position ?? oneOf(POSITIONS, config.position) ?? 'bottom-right',
      store: visitorStore(settings.clientKey),
      remote,
      zone: visitorZone(),
    }),
    shadow,
  );
}

function explain({ clientKey, apiBase }: WidgetConfig, error: unknown): string {
  const status = error instanceof ApiError ? error.status : 0;
  const origin = window.location.origin;
  if (status === 403) {
    return `This page's origin ${origin} is not allowed to show the assistant "${clientKey}". Add it to the allowed origins in the Concierge console.`;
  }
  if (status === 404) {
    return `There is no active assistant with the client key "${clientKey}" at ${apiBase} (unknown, not yet confirmed or suspended).`;
  }
  if (status === 0) {
    return (
      `Could not load the assistant "${clientKey}" from ${apiBase}: the server cannot be reached, or it refused ` +
      `this page's origin ${origin} (browsers report a refused origin as a network error).`
    );
  }
  return `Could not load the assistant "${clientKey}" from ${apiBase} (HTTP ${status}).`;
}

try {
  start();
} catch (error) {
  report(error instanceof WidgetConfigError ? error.message : 'The widget failed to start: ' + String(error));
}
