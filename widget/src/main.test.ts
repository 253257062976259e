import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Adds an inert tag carrying the given attributes, standing in for the embed snippet.
function embed(attributes: Record<string, string>): void {
  const script = document.createElement('script');
  script.type = 'text/plain';
  for (const [name, value] of Object.entries(attributes)) {
    script.setAttribute(name, value);
  }
  document.body.append(script);
}

describe('widget entry point', () => {
  beforeEach(() => {
    vi.resetModules();
    delete window.ConciergeWidget;
  });

  afterEach(() => {
    vi.restoreAllMocks();
    document.body.innerHTML = '';
    delete window.ConciergeWidget;
  });

  it('publishes the config from its script tag', async () => {
    embed({ 'data-client-id': 'acme-dental', 'data-api-base': 'https://api.example.com/concierge/' });

    await import('./main');

    expect(window.ConciergeWidget?.config).toEqual({
      clientKey: 'acme-dental',
      apiBase: 'https://api.example.com/concierge',
    });
    expect(Object.isFrozen(window.ConciergeWidget)).toBe(true);
    expect(Object.isFrozen(window.ConciergeWidget?.config)).toBe(true);
  });

  it('logs one error and publishes nothing for a bad tag', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    embed({ 'data-client-id': 'Not A Slug', 'data-api-base': 'https://api.example.com' });

    await import('./main');

    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(consoleError.mock.calls[0]?.[0]).toMatch(/^\[Concierge\] .*data-client-id/);
    expect(window.ConciergeWidget).toBeUndefined();
  });
});
