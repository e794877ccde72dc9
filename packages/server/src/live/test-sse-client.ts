/** One parsed Server-Sent Events frame (or comment). */
export interface SseFrame {
  id?: string;
  event?: string;
  data?: string;
  comment?: string;
  retry?: string;
}

export interface SseConnection {
  status: number;
  headers: Headers;
  frames: SseFrame[];
  /** Resolves when `predicate` holds for the frames so far (rejects after `timeoutMilliseconds`). */
  until(predicate: (frames: SseFrame[]) => boolean, timeoutMilliseconds?: number): Promise<SseFrame[]>;
  /** Event frames only (no comments, no retry). */
  events(): SseFrame[];
  /** Resolves when the server ends the stream (never, if the client closes it first). */
  ended: Promise<void>;
  close(): void;
}

/**
 * Opens a stream with fetch and parses frames as they come, the way an EventSource would.
 *
 * @example
 * const stream = await openStream(`${base}/v1/stream?topics=votes`);
 * await stream.until((frames) => frames.some((frame) => frame.event === 'pain_point.voted'));
 */
export async function openStream(url: string, headers: Record<string, string> = {}): Promise<SseConnection> {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  const frames: SseFrame[] = [];
  const listeners = new Set<() => void>();
  let markEnded = () => {};
  const ended = new Promise<void>((resolve) => {
    markEnded = resolve;
  });
  const connection: SseConnection = {
    status: response.status,
    headers: response.headers,
    frames,
    until(predicate, timeoutMilliseconds = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (predicate(frames)) {
            clearTimeout(timer);
            listeners.delete(check);
            resolve(frames);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`stream condition not met; frames: ${JSON.stringify(frames)}`));
        }, timeoutMilliseconds);
        listeners.add(check);
        check();
      });
    },
    events: () => frames.filter((frame) => frame.event !== undefined),
    ended,
    close: () => controller.abort(),
  };
  if (!response.body) return connection;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          markEnded();
          return;
        }
        buffer += value;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const frame: SseFrame = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) frame.comment = line.slice(1).trim();
            else {
              const colon = line.indexOf(':');
              const field = line.slice(0, colon) as keyof SseFrame;
              const fieldValue = line.slice(colon + 1).replace(/^ /, '');
              frame[field] = frame[field] === undefined ? fieldValue : `${frame[field]}\n${fieldValue}`;
            }
          }
          frames.push(frame);
          for (const listener of [...listeners]) listener();
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted
    }
  })();
  return connection;
}
