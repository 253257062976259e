import { describe, expect, it } from 'vitest';
import { catalogues, chooseLanguage, translator, type MessageKey } from './i18n';

describe('translator', () => {
  it('speaks English and German and fills in placeholders', () => {
    expect(translator('en')('zoneSame', { zone: 'Europe/Berlin' })).toBe('Times in Europe/Berlin.');
    expect(translator('de')('zoneSame', { zone: 'Europe/Berlin' })).toBe('Zeiten in Europe/Berlin.');
    expect(translator('de')('send')).toBe('Senden');
  });

  it('has every message in German too, with the same placeholders', () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    expect(Object.keys(catalogues.de).sort()).toEqual(Object.keys(catalogues.en).sort());
    for (const key of Object.keys(catalogues.en) as MessageKey[]) {
      expect(catalogues.de[key].trim(), key).not.toBe('');
      expect(placeholders(catalogues.de[key]), key).toEqual(placeholders(catalogues.en[key]));
    }
  });
});

describe('chooseLanguage', () => {
  it('takes data-lang first', () => {
    expect(chooseLanguage('en', ['de-DE'], 'de')).toBe('en');
  });

  it("then the browser's first language the widget speaks", () => {
    expect(chooseLanguage(undefined, ['fr-FR', 'de-AT', 'en'], 'en')).toBe('de');
    expect(chooseLanguage(undefined, ['en-US'], 'de')).toBe('en');
  });

  it("then the tenant's language", () => {
    expect(chooseLanguage(undefined, ['fr', 'it'], 'de')).toBe('de');
  });
});
