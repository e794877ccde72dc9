import { describe, expect, test } from 'vitest';
import { DomainError } from '../errors/domain-error';
import { isForbiddenAddress } from './address-safety';
import { assertWebhookUrl } from './url-policy';

describe('isForbiddenAddress', () => {
  test.each([
    '127.0.0.1',
    '10.0.0.1',
    '172.16.5.4',
    '172.31.255.255',
    '192.168.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '64:ff9b::a00:1',
    'not an address',
  ])('refuses %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  test.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'accepts %s',
    (address) => {
      expect(isForbiddenAddress(address)).toBe(false);
    },
  );
});

/**
 * IPv6 forms that carry an IPv4 address, each with the address it carries: judged by it, as a
 * literal URL host and as a DNS answer alike.
 */
const CARRIED_IPV4: { form: string; address: string; forbidden: boolean }[] = [
  { form: 'IPv4-compatible, dotted', address: '::127.0.0.1', forbidden: true },
  { form: 'IPv4-compatible, hex', address: '::7f00:1', forbidden: true },
  { form: 'IPv4-compatible, full', address: '0:0:0:0:0:0:a9fe:a9fe', forbidden: true },
  { form: 'IPv4-compatible, public', address: '::808:808', forbidden: false },
  { form: 'IPv4-mapped, dotted', address: '::ffff:10.0.0.1', forbidden: true },
  { form: 'IPv4-mapped, hex', address: '::ffff:7f00:1', forbidden: true },
  { form: 'IPv4-mapped, upper case', address: '::FFFF:C0A8:0101', forbidden: true },
  { form: 'IPv4-mapped, public', address: '::ffff:8.8.8.8', forbidden: false },
  { form: 'IPv4-translated', address: '::ffff:0:a9fe:a9fe', forbidden: true },
  { form: '6to4 of loopback', address: '2002:7f00:1::', forbidden: true },
  { form: '6to4 of a private address', address: '2002:c0a8:101:1::1', forbidden: true },
  { form: '6to4 of a public address', address: '2002:808:808::1', forbidden: false },
  { form: 'NAT64 well-known, dotted', address: '64:ff9b::169.254.169.254', forbidden: true },
  { form: 'NAT64 well-known, hex', address: '64:ff9b::a00:1', forbidden: true },
  { form: 'NAT64 well-known, public', address: '64:ff9b::808:808', forbidden: false },
  { form: 'NAT64 local-use /96', address: '64:ff9b:1::7f00:1', forbidden: true },
  { form: 'NAT64 local-use /48', address: '64:ff9b:1:a00:1:100::', forbidden: true },
  { form: 'NAT64 local-use, public', address: '64:ff9b:1::808:808', forbidden: false },
  // Teredo: the server is bits 32–64 (65.54.227.120, 10.0.0.1), the client the last 32 bits
  // inverted (80ff:fffe is 127.0.0.1, f7f7:f7f7 is 8.8.8.8, 3fff:fdd2 is 192.0.2.45).
  { form: 'Teredo, loopback client', address: '2001:0:4136:e378:8000:63bf:80ff:fffe', forbidden: true },
  { form: 'Teredo, documentation client', address: '2001:0:4136:e378:8000:63bf:3fff:fdd2', forbidden: true },
  { form: 'Teredo, private server', address: '2001:0:a00:1:8000:63bf:f7f7:f7f7', forbidden: true },
  { form: 'Teredo, public both', address: '2001:0:4136:e378:8000:63bf:f7f7:f7f7', forbidden: false },
];

describe.each(CARRIED_IPV4)('an IPv6 address carrying IPv4: $form ($address)', ({ address, forbidden }) => {
  const expectation = async (promise: Promise<URL>) => {
    if (forbidden) await expect(promise).rejects.toMatchObject({ status: 422, errors: [{ path: 'url' }] });
    else await expect(promise).resolves.toBeInstanceOf(URL);
  };

  test(`isForbiddenAddress is ${forbidden}`, () => {
    expect(isForbiddenAddress(address)).toBe(forbidden);
  });

  test('as the literal host of a webhook URL', async () => {
    await expectation(assertWebhookUrl(`https://[${address}]/hooks`, { allowPrivate: false }));
  });

  test('as what the host name resolves to', async () => {
    const resolve = async () => ['93.184.216.34', address];
    await expectation(
      assertWebhookUrl('https://hooks.partner.example/wsc', { allowPrivate: false, resolve }),
    );
  });

  test('allowed whatever it carries when private addresses are allowed', async () => {
    await expect(
      assertWebhookUrl(`https://[${address}]/hooks`, { allowPrivate: true }),
    ).resolves.toBeInstanceOf(URL);
  });
});

describe('assertWebhookUrl', () => {
  test('a host that resolves to nothing is refused', async () => {
    await expect(
      assertWebhookUrl('https://hooks.partner.example/wsc', { allowPrivate: false, resolve: async () => [] }),
    ).rejects.toMatchObject({ status: 422, errors: [{ path: 'url' }] });
  });

  test('private addresses and http pass only when allowed', async () => {
    await expect(
      assertWebhookUrl('http://127.0.0.1:9999/hooks', { allowPrivate: true }),
    ).resolves.toBeInstanceOf(URL);
    await expect(
      assertWebhookUrl('http://127.0.0.1:9999/hooks', { allowPrivate: false }),
    ).rejects.toBeInstanceOf(DomainError);
  });

  test('credentials in the URL are refused even when private addresses are allowed', async () => {
    await expect(
      assertWebhookUrl('https://user:pass@example.org/', { allowPrivate: true }),
    ).rejects.toMatchObject({
      status: 422,
      errors: [{ path: 'url' }],
    });
  });

  test('a host that resolves to loopback is refused', async () => {
    await expect(
      assertWebhookUrl('https://localhost.localdomain./x', { allowPrivate: false }),
    ).rejects.toMatchObject({
      status: 422,
    });
    await expect(assertWebhookUrl('https://app.localhost/x', { allowPrivate: false })).rejects.toMatchObject({
      status: 422,
    });
  });
});
