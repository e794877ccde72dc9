export { PROBLEM_TYPE_BASE } from '@wsc/models/problems';

/** The media type of every error response (RFC 9457): what the HTTP edge writes a {@link DomainError} as. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
