// Formatted message text, built as elements from the parsed tree: never markup from the text.
import type { ComponentChildren } from 'preact';
import { parseBlocks, type Inline } from './format';

function inline(nodes: Inline[]): ComponentChildren {
  return nodes.map((node) => {
    if (typeof node === 'string') return node;
    switch (node.t) {
      case 'br':
        return <br />;
      case 'a':
        return (
          <a href={node.href} target="_blank" rel="noopener noreferrer nofollow">
            {inline(node.c)}
          </a>
        );
      case 'b':
        return <b>{inline(node.c)}</b>;
      case 'i':
        return <i>{inline(node.c)}</i>;
      case 'code':
        return <code>{inline(node.c)}</code>;
    }
  });
}

export function Rich({ text }: { text: string }) {
  return (
    <>
      {parseBlocks(text).map((block) =>
        block.t === 'p' ? (
          <p>{inline(block.c)}</p>
        ) : block.t === 'ul' ? (
          <ul>{block.items.map((item) => <li>{inline(item)}</li>)}</ul>
        ) : (
          <ol>{block.items.map((item) => <li>{inline(item)}</li>)}</ol>
        ),
      )}
    </>
  );
}
