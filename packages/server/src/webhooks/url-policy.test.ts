import { describe, expect, test } from 'vitest';
import { HttpProblem } from '../http/problem';
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

describe('assertWebhookUrl', () => {
  test('private addresses and http pass only when allowed', async () => {
    await expect(
      assertWebhookUrl('http://127.0.0.1:9999/hooks', { allowPrivate: true }),
    ).resolves.toBeInstanceOf(URL);
    await expect(
      assertWebhookUrl('http://127.0.0.1:9999/hooks', { allowPrivate: false }),
    ).rejects.toBeInstanceOf(HttpProblem);
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
