export * from './cache';
export * from './lru';
