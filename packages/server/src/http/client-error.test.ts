import { connect } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestServer, type TestServer } from '../test-support';

let app: TestServer;
let port: number;

beforeAll(async () => {
  app = await createTestServer();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});
afterAll(async () => {
  await app?.close();
});

/** Sends bytes as they are (fetch would percent-encode the URL) and returns the whole answer. */
function sendRaw(request: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('utf8');
    });
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

test('a raw non-ASCII URL that Node refuses is answered with a problem document, not plain JSON', async () => {
  const answer = await sendRaw(
    Buffer.from('GET /v1/pain-points?q=信号 HTTP/1.1\r\nHost: localhost\r\n\r\n', 'utf8'),
  );
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  expect(head).toMatch(/^HTTP\/1\.1 400 /);
  expect(head).toMatch(/content-type: application\/problem\+json/i);
  expect(head).toMatch(/x-request-id: req_[0-9a-f]{32}/);
  expect(JSON.parse(body)).toMatchObject({
    type: 'https://worldsmartcity.org/problems/malformed-request',
    status: 400,
    detail: expect.stringContaining('percent-encode'),
  });
});

test('a path segment too long or not valid UTF-8 is a problem document with its request id', async () => {
  const cases: [string, number, string][] = [
    [`/v1/pain-points/${'x'.repeat(3000)}`, 414, 'uri-too-long'],
    ['/v1/pain-points/%E0%A4%A', 400, 'malformed-request'],
    ['/v1/pain-points/%ED%A0%80/comments', 400, 'malformed-request'],
  ];
  for (const [url, status, type] of cases) {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode, url).toBe(status);
    expect(response.headers['content-type'], url).toMatch(/^application\/problem\+json/);
    expect(response.headers['x-request-id'], url).toMatch(/^req_[0-9a-f]{32}$/);
    expect(response.json(), url).toMatchObject({
      type: `https://worldsmartcity.org/problems/${type}`,
      status,
      requestId: response.headers['x-request-id'],
    });
  }
});
