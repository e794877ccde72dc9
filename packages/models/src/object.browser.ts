/**
 * The browser build's `object` is zod/mini's own, with the interpreted parser. The compiled parser
 * of `./object.ts` validates about five times faster but costs about 1.3 KB gzipped, which a page
 * embedding the widgets or the SDK pays on every load; servers and Node clients get the fast one.
 *
 * @example
 * const VoteSchema = object({ painPointId: IdSchema, createdAt: DateTimeSchema });
 */
export { object } from 'zod/mini';
