// Contract test of `client.partner.setAccountPage()` against the real @wsc/server, in-process.
import { createPartner, type TestServer } from '@wsc/server/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WscClient } from '../../src/client';
import { PermissionError, ValidationError } from '../../src/errors/subclasses';
import { failure, kind, startApi } from './api';

let app: TestServer;
let baseURL: string;

beforeAll(async () => {
  ({ app, baseURL } = await startApi());
}, 120_000);
afterAll(() => app?.dispose());

describe(`partner.setAccountPage against @wsc/server (${kind})`, () => {
  it("sets and clears the page on the partner's own origin; refuses another origin and a key without the scope", async () => {
    const partner = await createPartner(app, {
      origin: 'https://www.iec.example',
      scopes: ['sso', 'mail-policy'],
    });
    const server = new WscClient({ baseURL, secretKey: partner.secretKey });
    expect(await server.partner.setAccountPage({ url: 'https://www.iec.example/community' })).toMatchObject({
      id: partner.id,
      accountPageUrl: 'https://www.iec.example/community',
    });
    expect(await server.partner.setAccountPage({ url: null })).toMatchObject({ accountPageUrl: null });
    const foreign = await failure(server.partner.setAccountPage({ url: 'https://elsewhere.example/' }));
    expect(foreign).toBeInstanceOf(ValidationError);
    expect((foreign as ValidationError).errors[0]?.path).toBe('url');
    const narrow = await createPartner(app, { origin: 'https://www.iso.example', scopes: ['sso'] });
    const refused = await failure(
      new WscClient({ baseURL, secretKey: narrow.secretKey }).partner.setAccountPage({
        url: 'https://www.iso.example/',
      }),
    );
    expect(refused).toBeInstanceOf(PermissionError);
  });
});
