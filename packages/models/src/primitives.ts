import * as z from 'zod/mini';
import { textRule } from './text';

/** Longest slug the platform produces or accepts. */
export const SLUG_MAX_LENGTH = 80;

/** Lower-case ASCII words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** ISO 3166-1 alpha-2, upper case ('SG', 'CH'). */
export const COUNTRY_CODE_PATTERN = /^[A-Z]{2}$/;

/** An opaque identifier minted by the server. */
export const IdSchema = z.string().check(z.minLength(1), z.maxLength(128));

export const SlugSchema = z.string().check(z.maxLength(SLUG_MAX_LENGTH), z.regex(SLUG_PATTERN));

/** ISO 3166-1 alpha-2 country code in upper case. */
export const CountryCodeSchema = z.string().check(z.regex(COUNTRY_CODE_PATTERN));

// Plain patterns instead of z.iso.datetime / z.email / z.url / z.int: each of those pulls
// about half a kilobyte (gzipped) of zod into every browser bundle that imports this package.

/** ISO 8601 date-time with `Z` or an offset (`+08:00`), as the API writes them. */
export const DateTimeSchema = z
  .string()
  .check(
    z.regex(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/,
      'Expected an ISO 8601 date-time with an offset, e.g. 2016-07-13T09:00:00+08:00',
    ),
  );

export const EmailSchema = z
  .string()
  .check(
    textRule('single'),
    z.trim(),
    z.maxLength(254),
    z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Expected an e-mail address'),
  );

/** `https://` (or `http://` for local development) URL. */
export const HttpUrlSchema = z
  .string()
  .check(z.maxLength(2000), z.regex(/^https?:\/\/[^\s/?#]+[^\s]*$/, 'Expected an http(s) URL'));

/** A whole number, for request payloads (responses use plain numbers). */
export const IntegerSchema = z.number().check(z.refine(Number.isInteger, 'Expected an integer'));

/** A web origin with no path: `https://www.iec.ch`, `http://localhost:5173`. */
export const OriginSchema = z.string().check(z.regex(/^https?:\/\/[^/\s?#]+$/));

/** A city name as people write it (any script). */
export const CityNameSchema = z
  .string()
  .check(textRule('single'), z.trim(), z.minLength(1), z.maxLength(120));

/** Free text search, trimmed. */
export const SearchQuerySchema = z.string().check(textRule('single'), z.trim(), z.maxLength(200));

/** Page size for list routes: 1..100, default 20; query strings are coerced. */
export const LimitSchema = z._default(
  z.coerce
    .number<number | string>()
    .check(z.refine(Number.isInteger, 'Expected an integer'), z.minimum(1), z.maximum(100)),
  20,
);

/** Opaque cursor from a previous page's `nextCursor`. */
export const CursorParamSchema = z.string().check(z.minLength(1), z.maxLength(512));
