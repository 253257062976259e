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
