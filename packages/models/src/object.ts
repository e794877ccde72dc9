import * as z from 'zod/mini';
import * as core from 'zod/v4/core';

// zod/mini objects always run zod's interpreted parser (one generic loop over the keys); only
// the classic `zod` build compiles an object parser with `new Function`, which validates a page of
// pain points about three times faster. `object` gives zod/mini schemas the compiled parser.

/** The parser zod compiles for a shape; built on first parse, so nothing is compiled for unused schemas. */
const CompiledObject = core.$constructor<core.$ZodObject>('WscCompiledObject', (instance, definition) =>
  core.$ZodObjectJIT.init(instance, definition),
);

// Explicitly typed: `init` is an assertion signature, which TypeScript only calls through declared names.
const MiniObject: core.$constructor<z.ZodMiniObject> = z.ZodMiniObject;

const CompilingObject = core.$constructor<z.ZodMiniObject>('WscObject', (instance, definition) => {
  MiniObject.init(instance, definition);
  const interpreted = instance._zod.parse;
  let parse: typeof interpreted | undefined;
  instance._zod.parse = (payload, context) => {
    // Decided at the first parse rather than at import, so `z.config({ jitless: true })` (strict
    // Content-Security-Policy pages) still applies when set after importing, and `new Function` is
    // not even probed then. zod falls back to the interpreter itself where eval is refused.
    parse ??= core.globalConfig.jitless ? interpreted : new CompiledObject(definition)._zod.parse;
    return parse(payload, context);
  };
});

/**
 * `z.object` of zod/mini with a compiled parser: same keys, same checks, same issues, unknown
 * keys stripped, but each shape is validated by a function zod generates for it (unless
 * `z.config({ jitless: true })` is set or the page's Content-Security-Policy refuses eval).
 *
 * @example
 * const VoteSchema = object({ painPointId: IdSchema, createdAt: DateTimeSchema });
 * VoteSchema.parse({ painPointId: 'pp_1', createdAt: '2024-05-01T08:00:00Z', extra: 1 }); // extra stripped
 */
export function object<Shape extends core.$ZodLooseShape>(
  shape: Shape,
): z.ZodMiniObject<core.util.Writeable<Shape>, core.$strip> {
  return new CompilingObject({ type: 'object', shape }) as z.ZodMiniObject<
    core.util.Writeable<Shape>,
    core.$strip
  >;
}
