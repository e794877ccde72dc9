import type { WscClient } from '../client';
import { Resource } from '../resource';
import { PartnerSsoAccounts } from './partner-sso-accounts';

/**
 * `/v1/partners/{id}` (admin): partner applications as the platform's admins see them. A partner
 * back end reads its own statistics through `client.partner` instead.
 */
export class Partners extends Resource {
  /** The accounts a partner minted through single sign-on, and their suspension. */
  readonly ssoAccounts: PartnerSsoAccounts;

  constructor(client: WscClient) {
    super(client);
    this.ssoAccounts = new PartnerSsoAccounts(client);
  }
}
