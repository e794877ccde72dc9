import type { Page } from '@wsc/models';
import type { WscClient } from './client';
import type { RequestOptions } from './options';
import { PagePromise } from './page-promise';
import type { ResponseSchema } from './request';

/** A concrete path and its template, built by `endpoint`. */
export interface Endpoint {
  path: string;
  route: string;
}

/**
 * Builds a path with every parameter URL-encoded, and the route template with `{id}` in place
 * of each parameter.
 *
 * @example
 * endpoint`/v1/pain-points/${'a/b'}/vote`; // { path: '/v1/pain-points/a%2Fb/vote', route: '/v1/pain-points/{id}/vote' }
 */
export function endpoint(strings: TemplateStringsArray, ...values: string[]): Endpoint {
  let path = strings[0] ?? '';
  let route = path;
  values.forEach((value, index) => {
    const rest = strings[index + 1] ?? '';
    path += encodeURIComponent(value) + rest;
    route += `{id}${rest}`;
  });
  return { path, route };
}

/** Base of the resource classes: holds the client and builds list calls. */
export abstract class Resource {
  protected readonly client: WscClient;

  constructor(client: WscClient) {
    this.client = client;
  }

  /** A lazily fetched, iterable list; `params.cursor` (when given) is where it starts. */
  protected paginate<Item>(
    where: Endpoint,
    schema: ResponseSchema<Page<Item>>,
    params: { cursor?: string | undefined } | undefined,
    options: RequestOptions | undefined,
  ): PagePromise<Item> {
    return new PagePromise<Item>(
      (cursor) =>
        this.client.request({ method: 'GET', ...where, query: { ...params, cursor }, schema }, options),
      params?.cursor,
    );
  }
}
