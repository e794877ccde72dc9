// Every failure is a WscError: its HTTP `status` (0 without an answer), the problem's `code` (the
// slug of its type), `requestId` to quote to support, and a subclass chosen by status.
import { NotFoundError, ValidationError, WscClient, WscError } from '@wsc/sdk';

export async function errors(baseURL = process.env.WSC_API_URL ?? 'http://localhost:8787') {
  const client = new WscClient({ baseURL });
  const seen: string[] = [];

  try {
    await client.painPoints.get('no-such-pain-point');
  } catch (error) {
    if (error instanceof NotFoundError) seen.push(`${error.status} ${error.code} ${error.requestId}`);
    else throw error;
  }

  try {
    await client.standards.list({ limit: 1000 }); // the server takes at most 100
  } catch (error) {
    if (error instanceof ValidationError) {
      for (const field of error.errors)
        seen.push(`${error.status} ${error.code} ${field.path}: ${field.message}`);
    } else throw error;
  }

  try {
    await new WscClient({ baseURL: 'http://127.0.0.1:9', timeout: 2_000 }).standards.list();
  } catch (error) {
    // WscError.is works across copies of the package, where instanceof may not.
    if (WscError.is(error)) seen.push(`${error.status} ${error.name} retryable: ${error.isRetryable}`);
    else throw error;
  }
  return seen;
}
