/** Settings a business puts on the Concierge <script> tag. */
export interface WidgetConfig {
  /** Public key that identifies which business's assistant to load. */
  clientKey: string;
  /** Base URL of the Concierge API, without a trailing slash. */
  apiBase: string;
  /** data-lang, when it names a language the widget speaks. */
  lang?: Language;
  /** data-position, when it names a known position; overrides the tenant's. */
  position?: Position;
}

export type Language = 'en' | 'de';
export type Position = 'bottom-right' | 'bottom-left' | 'bottom-center';

export const LANGUAGES: readonly Language[] = ['en', 'de'];
export const POSITIONS: readonly Position[] = ['bottom-right', 'bottom-left', 'bottom-center'];

/** The value when it is one of the allowed ones (any case, surrounding blanks ignored), else undefined. */
export function oneOf<T extends string>(allowed: readonly T[], raw: string | null | undefined): T | undefined {
  const value = raw?.trim().toLowerCase();
  return allowed.find((candidate) => candidate === value);
}

type ConfigAttribute = 'data-client-id' | 'data-api-base';

/** Raised when the embed snippet is missing a setting or has an unusable one. */
export class WidgetConfigError extends Error {
  readonly attribute: ConfigAttribute;

  constructor(attribute: ConfigAttribute, message: string) {
    super(message);
    this.name = 'WidgetConfigError';
    this.attribute = attribute;
  }
}

// The server's ClientKey rule: 3 to 63 lower-case letters, digits and single hyphens,
// starting and ending with a letter or digit.
export const CLIENT_KEY = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$/;

/**
 * Finds the <script> tag that loaded the widget. While a classic script runs the
 * browser exposes it as currentScript; otherwise fall back to the last tag that
 * carries a client id.
 */
export function findOwnScript(doc: Document): HTMLScriptElement | null {
  const current = doc.currentScript;
  if (current instanceof HTMLScriptElement) {
    return current;
  }
  const tagged = doc.querySelectorAll<HTMLScriptElement>('script[data-client-id]');
  return tagged[tagged.length - 1] ?? null;
}

/** Reads and validates the widget settings from its own <script> tag. */
export function readWidgetConfig(script: HTMLScriptElement): WidgetConfig {
  const config: WidgetConfig = {
    clientKey: readClientKey(script),
    apiBase: readApiBase(script),
  };
  // Optional settings: an unknown value falls back to the default rather than hiding the widget.
  const lang = oneOf(LANGUAGES, script.getAttribute('data-lang')?.slice(0, 2));
  const position = oneOf(POSITIONS, script.getAttribute('data-position'));
  if (lang) config.lang = lang;
  if (position) config.position = position;
  return config;
}

function readClientKey(script: HTMLScriptElement): string {
  const raw = script.getAttribute('data-client-id');
  if (raw === null || raw.trim() === '') {
    throw new WidgetConfigError('data-client-id', 'The data-client-id attribute is required.');
  }
  const key = raw.trim();
  if (!CLIENT_KEY.test(key)) {
    throw new WidgetConfigError(
      'data-client-id',
      `The data-client-id "${key}" is invalid: use 3-63 lower-case letters, digits or single hyphens, ` +
        'starting and ending with a letter or digit.',
    );
  }
  return key;
}

function readApiBase(script: HTMLScriptElement): string {
  const raw = script.getAttribute('data-api-base');
  if (raw !== null) {
    return normaliseApiBase(raw.trim());
  }
  // Without an explicit API base, talk to the server that served widget.js.
  const src = script.getAttribute('src');
  if (src === null || src.trim() === '') {
    throw new WidgetConfigError(
      'data-api-base',
      'The data-api-base attribute is required when the widget script is inline (has no src).',
    );
  }
  const origin = parseUrl(src.trim(), script.ownerDocument.baseURI);
  if (origin === null || !isHttp(origin)) {
    throw new WidgetConfigError(
      'data-api-base',
      'Cannot derive the API address from the script src; set data-api-base explicitly.',
    );
  }
  return origin.origin;
}

function normaliseApiBase(value: string): string {
  const url = parseUrl(value);
  if (url === null || !isHttp(url)) {
    throw new WidgetConfigError(
      'data-api-base',
      `The data-api-base "${value}" must be an absolute http:// or https:// URL.`,
    );
  }
  if (/[?#]/.test(value) || url.username !== '' || url.password !== '') {
    throw new WidgetConfigError(
      'data-api-base',
      `The data-api-base "${value}" must not contain a query, fragment or credentials.`,
    );
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

function parseUrl(value: string, base?: string): URL | null {
  try {
    return new URL(value, base);
  } catch {
    return null;
  }
}

function isHttp(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}
