import { describe, expect, it } from 'vitest';
import { readSse, SseParser } from './sse';

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

describe('SseParser', () => {
  it('reads named events and their data', () => {
    const parser = new SseParser();
    expect(parser.push('event:delta\ndata:{"text":"Hel"}\n\nevent:done\ndata:{}\n\n')).toEqual([
      { event: 'delta', data: '{"text":"Hel"}' },
      { event: 'done', data: '{}' },
    ]);
  });

  it('keeps an event split across chunks until its blank line arrives', () => {
    const parser = new SseParser();
    expect(parser.push('event: del')).toEqual([]);
    expect(parser.push('ta\ndata: {"text":"a"}\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'delta', data: '{"text":"a"}' }]);
  });

  it('joins data lines, ignores comments and unknown fields, and defaults the name', () => {
    const parser = new SseParser();
    expect(parser.push(': keep-alive\nid: 7\nretry: 10\ndata: one\ndata: two\n\n')).toEqual([
      { event: 'message', data: 'one\ntwo' },
    ]);
  });

  it('accepts CRLF and CR line ends, also a CRLF split between chunks', () => {
    const parser = new SseParser();
    expect(parser.push('event: a\r\ndata: 1\r')).toEqual([]);
    expect(parser.push('\n\r\nevent: b\rdata: 2\r\r')).toEqual([
      { event: 'a', data: '1' },
      { event: 'b', data: '2' },
    ]);
  });

  it('dispatches nothing for an event without data', () => {
    expect(new SseParser().push('event: ping\n\n')).toEqual([]);
  });
});

describe('readSse', () => {
  it('decodes bytes split inside a multi-byte character', async () => {
    const bytes = new TextEncoder().encode('event: delta\ndata: {"text":"Grüße"}\n\n');
    const split = bytes.indexOf(0xc3) + 1;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, split));
        controller.enqueue(bytes.slice(split));
        controller.close();
      },
    });
    const events: unknown[] = [];
    await readSse(stream, (event) => events.push(event));
    expect(events).toEqual([{ event: 'delta', data: '{"text":"Grüße"}' }]);
  });

  it('drops an event the stream ends in the middle of', async () => {
    const events: unknown[] = [];
    await readSse(streamOf('event: delta\ndata: {"text":"a"}\n\nevent: done\ndata: {"conv'), (event) => events.push(event));
    expect(events).toEqual([{ event: 'delta', data: '{"text":"a"}' }]);
  });
});
