import { type Login, type Session, SessionSchema, type Signup } from '@wsc/models';
import type { ApiPromise } from '../api-promise';
import type { WscClient } from '../client';
import type { RequestOptions } from '../options';
import { endpoint, Resource } from '../resource';
import { EmailConfirmations } from './email-confirmations';
import { PasswordResets } from './password-resets';

/** Body of `auth.signup`. */
export type AuthSignupParams = Signup;
/** Body of `auth.login`. */
export type AuthLoginParams = Login;

/** `/v1/auth`: community accounts with e-mail and password. */
export class Auth extends Resource {
  /** `/v1/auth/email-confirmations`: proving the member's address with a mailed link. */
  readonly emailConfirmations: EmailConfirmations;
  /** `/v1/auth/password-resets`: a forgotten password, reset through a mailed link. */
  readonly passwordResets: PasswordResets;

  constructor(client: WscClient) {
    super(client);
    this.emailConfirmations = new EmailConfirmations(client);
    this.passwordResets = new PasswordResets(client);
  }

  /**
   * Creates an account and returns a session token.
   *
   * @example
   * const session = await client.auth.signup({
   *   email: 'amina@example.org',
   *   password: 'a long passphrase',
   *   displayName: 'Amina',
   *   role: 'urban-planner',
   * });
   * const member = new WscClient({ baseURL, token: session.token });
   */
  signup(params: AuthSignupParams, options?: RequestOptions): ApiPromise<Session> {
    return this.client.request(
      { method: 'POST', ...endpoint`/v1/auth/signup`, body: params, schema: SessionSchema },
      options,
    );
  }

  /**
   * Signs in and returns a session token.
   *
   * @example
   * const { token } = await client.auth.login({ email, password });
   */
  login(params: AuthLoginParams, options?: RequestOptions): ApiPromise<Session> {
    return this.client.request(
      { method: 'POST', ...endpoint`/v1/auth/login`, body: params, schema: SessionSchema },
      options,
    );
  }

  /**
   * Revokes the session the client is using.
   *
   * @example
   * await member.auth.logout();
   */
  logout(options?: RequestOptions): ApiPromise<void> {
    return this.client.request<void>({ method: 'POST', ...endpoint`/v1/auth/logout` }, options);
  }
}
