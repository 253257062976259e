// A tiny reader for the simple formatting assistants write: paragraphs, line breaks, bullet and
// numbered lists, **bold**, *italic*, `code`, [links](https://...) and bare web addresses. It
// produces a tree of plain values that the view turns into elements, so text from the model or a
// visitor never reaches the page as markup.

export type Inline =
  | string
  | { t: 'b' | 'i' | 'code'; c: Inline[] }
  | { t: 'a'; href: string; c: Inline[] }
  | { t: 'br' };

export type Block = { t: 'p'; c: Inline[] } | { t: 'ul' | 'ol'; items: Inline[][] };

const BULLET = /^\s*[-*•]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;

export function parseBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list = null as { t: 'ul' | 'ol'; items: Inline[][] } | null;
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push({ t: 'p', c: lines(paragraph) });
    paragraph = [];
    list = null;
  };
  for (const line of text.split(/\r\n|\r|\n/)) {
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet ?? numbered;
    if (item) {
      const kind = bullet ? 'ul' : 'ol';
      if (list?.t !== kind) {
        flush();
        list = { t: kind, items: [] };
        blocks.push(list);
      }
      list.items.push(parseInline(item[1] ?? ''));
    } else if (line.trim() === '') {
      flush();
    } else {
      list = null;
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

function lines(paragraph: string[]): Inline[] {
  const out: Inline[] = [];
  paragraph.forEach((line, index) => {
    if (index > 0) out.push({ t: 'br' });
    out.push(...parseInline(line));
  });
  return out;
}

// Order matters: code first (nothing inside it is formatting), then links, bold, italic, bare
// addresses. No lookbehind: older Safari versions cannot parse it.
const INLINE =
  /`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)|\*\*(\S|\S.*?\S)\*\*|\*(\S|\S.*?\S)\*(?![\w*])|\b(https?:\/\/[^\s<>"]*[^\s<>".,;:!?)\]'])/;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  for (let match = INLINE.exec(rest); match; match = INLINE.exec(rest)) {
    const [whole, code, label, target, bold, italic, bare] = match;
    let end = match.index + whole.length;
    if (italic !== undefined && /[\w*]/.test(rest.charAt(match.index - 1))) {
      // A star inside a word (2*3*4) is just a star.
      end = match.index + 1;
      out.push(rest.slice(0, end));
    } else {
      if (match.index > 0) out.push(rest.slice(0, match.index));
      if (code !== undefined) out.push({ t: 'code', c: [code] });
      else if (label !== undefined) {
        const href = safeHref(target ?? '');
        out.push(href ? { t: 'a', href, c: [label] } : whole);
      } else if (bold !== undefined) out.push({ t: 'b', c: parseInline(bold) });
      else if (italic !== undefined) out.push({ t: 'i', c: parseInline(italic) });
      else if (bare !== undefined) {
        const href = safeHref(bare);
        out.push(href ? { t: 'a', href, c: [bare] } : bare);
      }
    }
    rest = rest.slice(end);
  }
  if (rest) out.push(rest);
  return out;
}

/** The address when it is http(s) or mailto, else null: no javascript:, data: or relative links. */
export function safeHref(raw: string): string | null {
  try {
    const url = new URL(raw);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}
