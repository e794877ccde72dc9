import { domainError } from '../errors/domain-error';

/**
 * Refuses an update whose body holds none of the fields the route changes, with 422 naming
 * the body. Unknown fields are stripped by the schema, so without this check
 * `PATCH {"roles":["expert"]}` (a misspelt field) would answer 200 and change nothing.
 *
 * @example
 * requireSomeField(request.body, ['accountRoles', 'disabled']);
 */
export function requireSomeField<Body extends object>(
  body: Body | null | undefined,
  fields: readonly (keyof Body & string)[],
): void {
  const given = body ?? ({} as Body);
  if (fields.some((field) => given[field] !== undefined)) return;
  const list = fields.join(', ');
  throw domainError('validation-failed', {
    detail: `The request body changes nothing: send at least one of ${list} (unknown fields are ignored).`,
    errors: [{ path: '', message: `Send at least one of: ${list}`, code: 'empty_update' }],
  });
}
