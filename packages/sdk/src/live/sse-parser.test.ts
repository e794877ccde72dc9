import { describe, expect, it } from 'vitest';
import { type ServerSentEvent, SseParser } from './sse-parser';

function parse(chunks: string[]) {
  const events: ServerSentEvent[] = [];
  const retries: number[] = [];
  const parser = new SseParser(
    (event) => events.push(event),
    (milliseconds) => retries.push(milliseconds),
  );
  for (const chunk of chunks) parser.push(chunk);
  return { events, retries, parser };
}

describe('SseParser', () => {
  it('parses events split across chunks and line endings', () => {
    const { events } = parse([
      'id: 1\nevent: pain_point.created\nda',
      'ta: {"a":1}\r',
      '\n\r\n',
      'data: x\ndata: y\n\n',
    ]);
    expect(events).toEqual([
      { id: '1', type: 'pain_point.created', data: '{"a":1}' },
      { id: '1', type: 'message', data: 'x\ny' },
    ]);
  });

  it('ignores comments, reports retry and keeps the last id', () => {
    const { events, retries, parser } = parse([': keep-alive\n\nretry: 2500\nid: 7\n\nid: 8\ndata: z\n\n']);
    expect(events).toEqual([{ id: '8', type: 'message', data: 'z' }]);
    expect(retries).toEqual([2500]);
    expect(parser.lastEventId).toBe('8');
  });
});
