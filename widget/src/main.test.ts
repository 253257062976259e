import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PublicConfig } from './api';

// Adds an inert tag carrying the given attributes, standing in for the embed snippet.
function embed(attributes: Record<string, string>): void {
  const script = document.createElement('script');
  script.type = 'text/plain';
  for (const [name, value] of Object.entries(attributes)) {
    script.setAttribute(name, value);
  }
  document.body.append(script);
}

const CONFIG: PublicConfig = {
  clientKey: 'acme-dental',
  title: 'Acme Dental',
  buttonEmoji: '🦷',
  logoUrl: null,
  firstMessage: 'Hello! How can I help?',
  font: 'system-ui',
  colors: { primary: '#1f6feb', text: '#ffffff' },
  position: 'bottom-left',
  appointmentsEnabled: true,
  language: 'en',
};

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const root = () => document.getElementById('concierge-widget');
const part = (name: string) => root()?.shadowRoot?.querySelector<HTMLElement>(`[data-part="${name}"]`) ?? null;

describe('widget entry point', () => {
  let fetchMock: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    vi.resetModules();
    delete window.Concierge;
    fetchMock = vi.fn(async () => json(200, CONFIG));
    vi.stubGlobal('fetch', fetchMock);
  });

  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
    delete window.Concierge;
  });

  it('fetches the public configuration and renders the launcher in an open shadow root', async () => {
    embed({ 'data-client-id': 'acme-dental', 'data-api-base': 'https://api.example.com/concierge/' });

    await import('./main');
    await vi.waitFor(() => expect(part('launcher')).not.toBeNull());

    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(String(fetchMock.mock.calls[0]?.[0])).toBe('https://api.example.com/concierge/api/v1/widget/acme-dental');
    expect(root()?.parentElement).toBe(document.body);
    expect(root()?.shadowRoot?.mode).toBe('open');
    expect(part('launcher')?.textContent).toContain('🦷');
    // Styles come in as an adopted sheet, never as markup the page's CSP would block.
    expect(root()?.shadowRoot?.adoptedStyleSheets).toHaveLength(1);
    expect(root()?.shadowRoot?.querySelector('style, [style*="color"]')).toBeNull();
    expect(root()?.shadowRoot?.querySelector('[data-pos]')?.getAttribute('data-pos')).toBe('bottom-left');
  });

  it('publishes a frozen window.Concierge whose calls before loading take effect afterwards', async () => {
    embed({ 'data-client-id': 'acme-dental', 'data-api-base': 'https://api.example.com' });

    await import('./main');
    expect(Object.isFrozen(window.Concierge)).toBe(true);
    window.Concierge?.open();
    await vi.waitFor(() => expect(part('panel')).not.toBeNull());

    expect(part('panel')?.hidden).toBe(false);
    expect(part('launcher')?.getAttribute('aria-expanded')).toBe('true');
    window.Concierge?.toggle();
    await vi.waitFor(() => expect(part('panel')?.hidden).toBe(true));
    window.Concierge?.open();
    await vi.waitFor(() => expect(part('panel')?.hidden).toBe(false));
    window.Concierge?.close();
    await vi.waitFor(() => expect(part('launcher')?.getAttribute('aria-expanded')).toBe('false'));
  });

  it('lets data-position and data-lang override the tenant', async () => {
    embed({ 'data-client-id': 'acme-dental', 'data-api-base': 'https://api.example.com', 'data-position': 'bottom-center', 'data-lang': 'de' });

    await import('./main');
    await vi.waitFor(() => expect(part('launcher')).not.toBeNull());

    expect(root()?.shadowRoot?.querySelector('[data-pos]')?.getAttribute('data-pos')).toBe('bottom-center');
    expect(part('launcher')?.getAttribute('aria-label')).toBe('Chat öffnen: Acme Dental');
  });

  it('gives a page that embeds the script twice one widget', async () => {
    embed({ 'data-client-id': 'acme-dental', 'data-api-base': 'https://api.example.com' });

    await import('./main');
    const first = window.Concierge;
    vi.resetModules();
    await import('./main');
    await vi.waitFor(() => expect(root()).not.toBeNull());

    expect(window.Concierge).toBe(first);
    expect(document.querySelectorAll('#concierge-widget')).toHaveLength(1);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it.each([
    [404, /no active assistant with the client key "acme-dental"/],
    [403, /origin .* is not allowed to show the assistant "acme-dental"/],
  ])('renders nothing and logs one error when the configuration answers %i', async (status, explanation) => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    fetchMock.mockImplementation(async () => json(status, { title: 'Nope', status }));
    embed({ 'data-client-id': 'acme-dental', 'data-api-base': 'https://api.example.com' });

    await import('./main');
    await vi.waitFor(() => expect(consoleError).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(consoleError.mock.calls[0]?.[0]).toMatch(/^\[Concierge\] /);
    expect(consoleError.mock.calls[0]?.[0]).toMatch(explanation);
    expect(root()).toBeNull();
  });

  it('renders nothing and explains a refused or unreachable server', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    fetchMock.mockImplementation(async () => {
      throw new TypeError('Failed to fetch');
    });
    embed({ 'data-client-id': 'acme-dental', 'data-api-base': 'https://api.example.com' });

    await import('./main');
    await vi.waitFor(() => expect(consoleError).toHaveBeenCalled());

    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(consoleError.mock.calls[0]?.[0]).toMatch(/^\[Concierge\] Could not load .*origin/);
    expect(root()).toBeNull();
  });

  it('logs one error and publishes nothing for a bad tag', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    embed({ 'data-client-id': 'Not A Slug', 'data-api-base': 'https://api.example.com' });

    await import('./main');

    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(consoleError.mock.calls[0]?.[0]).toMatch(/^\[Concierge\] .*data-client-id/);
    expect(window.Concierge).toBeUndefined();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(root()).toBeNull();
  });
});
