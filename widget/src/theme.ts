// The tenant's colours, made safe to use: only hex values reach the style sheet, and the text on
// the brand colour is switched to black or white when the tenant's pair would be hard to read.

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

export const DEFAULT_PRIMARY = '#1f6feb';
export const DEFAULT_TEXT = '#ffffff';

function channels(hex: string): number[] {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d) : [hex.slice(1, 3), hex.slice(3, 5), hex.slice(5, 7)];
  return digits.map((pair) => parseInt(pair, 16) / 255);
}

/** WCAG relative luminance. */
function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = channels(hex).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two hex colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The brand colour and a text colour that reads on it at WCAG AA (4.5:1) or as close as black or white get. */
export function brandColours(primary: string | undefined, text: string | undefined): { primary: string; text: string } {
  const brand = primary && HEX.test(primary) ? primary : DEFAULT_PRIMARY;
  const onBrand = text && HEX.test(text) ? text : DEFAULT_TEXT;
  if (contrast(brand, onBrand) >= 4.5) return { primary: brand, text: onBrand };
  return { primary: brand, text: contrast(brand, '#000000') >= contrast(brand, '#ffffff') ? '#000000' : '#ffffff' };
}
