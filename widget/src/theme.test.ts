import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brandColours, contrast, DEFAULT_PRIMARY, DEFAULT_TEXT } from './theme';

describe('contrast', () => {
  it('is 21 for black on white and 1 for equal colours', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#abc', '#aabbcc')).toBeCloseTo(1, 5);
  });
});

describe('brandColours', () => {
  it('passes WCAG AA with the default theme', () => {
    expect(contrast(DEFAULT_PRIMARY, DEFAULT_TEXT)).toBeGreaterThanOrEqual(4.5);
    expect(brandColours(DEFAULT_PRIMARY, DEFAULT_TEXT)).toEqual({ primary: DEFAULT_PRIMARY, text: DEFAULT_TEXT });
  });

  it("keeps a tenant's readable pair", () => {
    expect(brandColours('#222222', '#ffcc00')).toEqual({ primary: '#222222', text: '#ffcc00' });
  });

  it('switches unreadable text on the brand colour to black or white', () => {
    expect(brandColours('#ffeb3b', '#ffffff')).toEqual({ primary: '#ffeb3b', text: '#000000' });
    expect(brandColours('#123456', '#234567')).toEqual({ primary: '#123456', text: '#ffffff' });
  });

  it('lets only hex colours through', () => {
    expect(brandColours('red;background:url(x)', 'white')).toEqual({ primary: DEFAULT_PRIMARY, text: DEFAULT_TEXT });
  });
});

describe('the default palettes of widget.css', () => {
  // Vitest runs in the widget folder.
  const css = readFileSync(resolve('src/widget.css'), 'utf-8');
  const palette = (block: string): Record<string, string> =>
    Object.fromEntries([...block.matchAll(/--(\w+):\s*(#[0-9a-f]{3,6})/gi)].map((match) => [match[1], match[2]]));
  const light = palette(/\.w \{([^}]*)\}/.exec(css)?.[1] ?? '');
  const dark = palette(/prefers-color-scheme: dark\)\s*\{\s*\.w \{([^}]*)\}/.exec(css)?.[1] ?? '');

  it.each([
    ['light', light],
    ['dark', dark],
  ])('passes WCAG AA for text in the %s scheme', (_scheme, colours) => {
    expect(Object.keys(colours)).toEqual(expect.arrayContaining(['bg', 'fg', 'mute', 'soft', 'link', 'err', 'edge']));
    const pairs: [string, string][] = [
      ['fg', 'bg'],
      ['fg', 'soft'],
      ['mute', 'bg'],
      ['mute', 'soft'],
      ['link', 'bg'],
      ['link', 'soft'],
      ['err', 'bg'],
    ];
    for (const [text, background] of pairs) {
      expect(contrast(colours[text]!, colours[background]!), `${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
    }
    // Borders of inputs and slot buttons: 3:1 for user interface components.
    expect(contrast(colours.edge!, colours.bg!)).toBeGreaterThanOrEqual(3);
  });
});
