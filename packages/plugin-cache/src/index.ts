// Listed by name: the LRU store in ./lru is internal.
export { type CacheControls, type CacheOptions, type CacheRequestOptions, cache } from './cache';
