import { describe, expect, test } from 'vitest';
import { optionsFromEnvironment, resolveConfig } from '../config';

describe('metrics options', () => {
  test('are read from WSC_METRICS_TOKEN, WSC_METRICS_PORT and WSC_METRICS_HOST; off when none is set', () => {
    expect(resolveConfig(optionsFromEnvironment({})).metrics).toEqual({
      token: null,
      port: null,
      host: '127.0.0.1',
    });
    const options = optionsFromEnvironment({
      WSC_METRICS_TOKEN: 'a-long-random-metrics-token',
      WSC_METRICS_PORT: '9464',
      WSC_METRICS_HOST: '10.0.0.5',
    });
    expect(resolveConfig(options).metrics).toEqual({
      token: 'a-long-random-metrics-token',
      port: 9464,
      host: '10.0.0.5',
    });
  });

  test('a short token or a port that is not one stops the start with a message naming the variable', () => {
    expect(() => resolveConfig(optionsFromEnvironment({ WSC_METRICS_TOKEN: 'short' }))).toThrow(
      /WSC_METRICS_TOKEN must be at least 16 characters/,
    );
    expect(() => optionsFromEnvironment({ WSC_METRICS_PORT: '94x' })).toThrow(
      /WSC_METRICS_PORT .* not "94x"/,
    );
    expect(() => resolveConfig({ metrics: { port: 70_000 } })).toThrow(/WSC_METRICS_PORT/);
  });
});
