import * as z from 'zod/mini';
import { object } from './object';

/** One page of a list route. `nextCursor` is null on the last page. */
export interface Page<Item> {
  data: Item[];
  nextCursor: string | null;
}

/**
 * Wraps an item schema into the list envelope `{ data: item[], nextCursor }`.
 *
 * @example
 * const PainPointPageSchema = PageSchema(PainPointSchema);
 * const page = PainPointPageSchema.parse(await response.json());
 */
export function PageSchema<Item extends z.core.$ZodType>(item: Item) {
  return object({ data: z.array(item), nextCursor: z.nullable(z.string()) });
}
