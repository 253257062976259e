import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CLIENT_KEY, findOwnScript, readWidgetConfig, WidgetConfigError } from './config';

function scriptTag(attributes: Record<string, string>): HTMLScriptElement {
  const script = document.createElement('script');
  for (const [name, value] of Object.entries(attributes)) {
    script.setAttribute(name, value);
  }
  return script;
}

function configError(attributes: Record<string, string>): WidgetConfigError {
  try {
    readWidgetConfig(scriptTag(attributes));
  } catch (error) {
    if (error instanceof WidgetConfigError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a WidgetConfigError');
}

const CDN_SRC = 'https://cdn.shop.example:8443/widget.js';

describe('readWidgetConfig', () => {
  it('reads the client key', () => {
    const config = readWidgetConfig(scriptTag({ src: CDN_SRC, 'data-client-id': ' acme-dental-42 ' }));
    expect(config.clientKey).toBe('acme-dental-42');
  });

  it.each(['abc', 'a-b', 'a1-b2-c3', 'a'.repeat(63), '42-shop'])('accepts the client key %s, as the server does', (key) => {
    expect(readWidgetConfig(scriptTag({ src: CDN_SRC, 'data-client-id': key })).clientKey).toBe(key);
  });

  it("uses the server's client key pattern, as published in its OpenAPI description", () => {
    // Vitest runs in the widget folder, next to the web adapter's module.
    const openApi = readFileSync(resolve('../adapter-web/src/main/resources/static/openapi.yaml'), 'utf-8');
    const published = /ClientKey:\n\s+type: string\n\s+pattern: "([^"]+)"/.exec(openApi);
    expect(published?.[1]).toBe(CLIENT_KEY.source);
  });

  it("defaults the API base to the script's own origin", () => {
    const config = readWidgetConfig(scriptTag({ src: CDN_SRC, 'data-client-id': 'acme' }));
    expect(config.apiBase).toBe('https://cdn.shop.example:8443');
  });

  it('resolves a relative src against the page', () => {
    const config = readWidgetConfig(scriptTag({ src: '/widget.js', 'data-client-id': 'acme' }));
    expect(config.apiBase).toBe(new URL(document.baseURI).origin);
  });

  it('normalises an explicit API base with a trailing slash', () => {
    const config = readWidgetConfig(
      scriptTag({ src: CDN_SRC, 'data-client-id': 'acme', 'data-api-base': 'https://api.example.com/concierge/' }),
    );
    expect(config.apiBase).toBe('https://api.example.com/concierge');
  });

  it('reduces a bare origin with a slash to the origin', () => {
    const config = readWidgetConfig(scriptTag({ 'data-client-id': 'acme', 'data-api-base': 'http://localhost:8080/' }));
    expect(config.apiBase).toBe('http://localhost:8080');
  });

  it.each([
    ['missing', {}],
    ['blank', { 'data-client-id': '   ' }],
    ['upper case', { 'data-client-id': 'Acme' }],
    ['too short', { 'data-client-id': 'ab' }],
    ['too long', { 'data-client-id': 'a'.repeat(64) }],
    ['leading hyphen', { 'data-client-id': '-acme' }],
    ['trailing hyphen', { 'data-client-id': 'acme-' }],
    ['double hyphen', { 'data-client-id': 'a--b' }],
    ['hyphen run', { 'data-client-id': 'acme---dental' }],
    ['unsafe characters', { 'data-client-id': 'acme/../x' }],
  ])('rejects a %s client id', (_label, attributes) => {
    const error = configError({ src: CDN_SRC, ...attributes });
    expect(error.attribute).toBe('data-client-id');
    expect(error.message).toContain('data-client-id');
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['ftp:', 'ftp://files.example.com/'],
    ['relative', '/api'],
    ['query', 'https://api.example.com/?tenant=1'],
    ['fragment', 'https://api.example.com/#x'],
    ['credentials', 'https://user:secret@api.example.com/'],
    ['empty', ''],
  ])('rejects a %s API base', (_label, apiBase) => {
    const error = configError({ src: CDN_SRC, 'data-client-id': 'acme', 'data-api-base': apiBase });
    expect(error.attribute).toBe('data-api-base');
    expect(error.message).toContain('data-api-base');
  });

  it('reads data-lang and data-position, any case', () => {
    const config = readWidgetConfig(
      scriptTag({ src: CDN_SRC, 'data-client-id': 'acme', 'data-lang': 'de-AT', 'data-position': ' Bottom-Left ' }),
    );
    expect(config.lang).toBe('de');
    expect(config.position).toBe('bottom-left');
  });

  it('ignores a language or position it does not know, leaving the defaults', () => {
    const config = readWidgetConfig(
      scriptTag({ src: CDN_SRC, 'data-client-id': 'acme', 'data-lang': 'fr', 'data-position': 'top-left' }),
    );
    expect(config.lang).toBeUndefined();
    expect(config.position).toBeUndefined();
  });

  it('requires an API base for an inline script', () => {
    const error = configError({ 'data-client-id': 'acme' });
    expect(error.attribute).toBe('data-api-base');
    expect(error.message).toMatch(/inline/);
  });
});

describe('findOwnScript', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('falls back to the last script tag with a client id', () => {
    document.body.append(
      scriptTag({ 'data-client-id': 'first', type: 'text/plain' }),
      scriptTag({ 'data-client-id': 'second', type: 'text/plain' }),
      scriptTag({ type: 'text/plain' }),
    );
    expect(findOwnScript(document)?.getAttribute('data-client-id')).toBe('second');
  });

  it('returns null when there is no tagged script', () => {
    expect(findOwnScript(document)).toBeNull();
  });
});
