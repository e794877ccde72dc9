import { type WscClient, WscError } from '@wsc/sdk';

/** What asking for the confirmation mail again came to. */
export type ConfirmationResendOutcome = 'sent' | 'already-confirmed' | 'rate-limited';

/**
 * Asks the server to send the signed-in member's confirmation mail again. The answers a reader
 * is told about (sent, confirmed already, the hourly limit) resolve; any other failure rejects.
 *
 * @example
 * this.resendOutcome = await sendConfirmationAgain(this.client);
 */
export async function sendConfirmationAgain(client: WscClient): Promise<ConfirmationResendOutcome> {
  try {
    await client.auth.emailConfirmations.create();
    return 'sent';
  } catch (error) {
    // Codes, not classes: a second copy of the SDK on the page has its own.
    if (WscError.is(error) && error.code === 'email-already-confirmed') return 'already-confirmed';
    if (WscError.is(error) && error.status === 429) return 'rate-limited';
    throw error;
  }
}
