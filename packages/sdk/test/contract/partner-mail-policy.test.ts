// Contract test of `client.partner.setMailPolicy()` against the real @wsc/server, in-process.
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

describe(`partner.setMailPolicy against @wsc/server (${kind})`, () => {
  it('sets and clears the policy with a granted key; refuses a key without the scope', async () => {
    const partner = await createPartner(app, { scopes: ['sso', 'mail-policy'] });
    const server = new WscClient({ baseURL, secretKey: partner.secretKey });
    expect(await server.partner.setMailPolicy({ communityMailSuppressed: true })).toMatchObject({
      id: partner.id,
      communityMailSuppressed: true,
    });
    expect(await server.partner.setMailPolicy({ communityMailSuppressed: false })).toMatchObject({
      communityMailSuppressed: false,
    });
    const invalid = await failure(server.partner.setMailPolicy({ communityMailSuppressed: 'yes' as never }));
    expect(invalid).toBeInstanceOf(ValidationError);
    const narrow = await createPartner(app, { scopes: ['sso'] });
    const refused = await failure(
      new WscClient({ baseURL, secretKey: narrow.secretKey }).partner.setMailPolicy({
        communityMailSuppressed: true,
      }),
    );
    expect(refused).toBeInstanceOf(PermissionError);
  });
});
