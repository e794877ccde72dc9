// Listed by name: the helpers in ./retry (canRepeat, isRetryableError, retryDelay) are internal.
export { type RetryOptions, retry } from './retry';
