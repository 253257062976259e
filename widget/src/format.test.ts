import { describe, expect, it } from 'vitest';
import { parseBlocks, parseInline, safeHref } from './format';

describe('parseInline', () => {
  it('reads bold, italic and code', () => {
    expect(parseInline('a **b** *c* `d`')).toEqual(['a ', { t: 'b', c: ['b'] }, ' ', { t: 'i', c: ['c'] }, ' ', { t: 'code', c: ['d'] }]);
  });

  it('keeps formatting characters inside code as text', () => {
    expect(parseInline('`**x**`')).toEqual([{ t: 'code', c: ['**x**'] }]);
  });

  it('leaves stars inside words alone', () => {
    expect(parseInline('2*3*4').join('')).toBe('2*3*4');
  });

  it('makes links of markdown links and bare addresses, without trailing punctuation', () => {
    expect(parseInline('See [our hours](https://shop.example/hours) or https://shop.example/faq.')).toEqual([
      'See ',
      { t: 'a', href: 'https://shop.example/hours', c: ['our hours'] },
      ' or ',
      { t: 'a', href: 'https://shop.example/faq', c: ['https://shop.example/faq'] },
      '.',
    ]);
  });

  it('allows mailto links', () => {
    expect(parseInline('[mail us](mailto:hi@shop.example)')).toEqual([{ t: 'a', href: 'mailto:hi@shop.example', c: ['mail us'] }]);
  });

  it.each(['javascript:alert(1)', 'data:text/html,<b>x</b>', '/relative', 'vbscript:x'])('shows a link to %s as plain text', (target) => {
    const nodes = parseInline(`[click](${target})`);
    expect(nodes.every((node) => typeof node === 'string')).toBe(true);
    expect(nodes.join('')).toBe(`[click](${target})`);
  });

  it('passes markup through as text', () => {
    expect(parseInline('<img src=x onerror=alert(1)>')).toEqual(['<img src=x onerror=alert(1)>']);
  });
});

describe('parseBlocks', () => {
  it('splits paragraphs on blank lines and keeps single line breaks', () => {
    expect(parseBlocks('one\ntwo\n\nthree')).toEqual([
      { t: 'p', c: ['one', { t: 'br' }, 'two'] },
      { t: 'p', c: ['three'] },
    ]);
  });

  it('reads bullet and numbered lists', () => {
    expect(parseBlocks('Options:\n- cut\n* colour\n1. first\n2) second')).toEqual([
      { t: 'p', c: ['Options:'] },
      { t: 'ul', items: [['cut'], ['colour']] },
      { t: 'ol', items: [['first'], ['second']] },
    ]);
  });

  it('gives nothing for empty text', () => {
    expect(parseBlocks('')).toEqual([]);
  });
});

describe('safeHref', () => {
  it('accepts http, https and mailto only', () => {
    expect(safeHref('https://a.example/x')).toBe('https://a.example/x');
    expect(safeHref('http://a.example')).toBe('http://a.example/');
    expect(safeHref('JavaScript:alert(1)')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
  });
});
