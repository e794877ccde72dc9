// The partner's own users: a small JSON file, as a city portal's staff list might be. Passwords
// are stored as scrypt hashes (node:crypto), checked in constant time.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/**
 * @typedef {object} PartnerUser
 * @property {string} id stable id, sent to the community as `externalUserId`.
 * @property {string} username what the user types to sign in.
 * @property {string} email
 * @property {string} displayName
 * @property {import('@wsc/models').Language} language
 * @property {import('@wsc/models').StakeholderRole} role
 * @property {string} [country] ISO 3166-1 alpha-2.
 * @property {string} [city]
 * @property {string} passwordHash `scrypt$<salt base64>$<key base64>`.
 */

export const DEFAULT_USERS_FILE = new URL('../data/users.json', import.meta.url);

const KEY_LENGTH = 32;

/** @param {string} password @param {Buffer} salt @returns {Promise<Buffer>} */
function derive(password, salt) {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/**
 * Hashes a password for the users file.
 *
 * @param {string} password
 * @example
 * await hashPassword('a long passphrase'); // 'scrypt$…$…'
 */
export async function hashPassword(password) {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64')}$${(await derive(password, salt)).toString('base64')}`;
}

/**
 * Tells whether `password` matches a hash made by `hashPassword`.
 *
 * @param {string} password
 * @param {string} stored
 * @example
 * await verifyPassword('a long passphrase', user.passwordHash); // true
 */
export async function verifyPassword(password, stored) {
  const [scheme, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// Compared against when the username is unknown, so that a wrong name costs as much time as a
// wrong password and the answer's timing does not tell which names exist.
const DECOY_HASH = `scrypt$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(KEY_LENGTH).toString('base64')}`;

/**
 * Loads the users file and answers sign-in attempts.
 *
 * @param {string | URL} [file]
 * @example
 * const users = await loadUsers();
 * const user = await users.authenticate('amina', 'password'); // PartnerUser or undefined
 */
export async function loadUsers(file = DEFAULT_USERS_FILE) {
  /** @type {PartnerUser[]} */
  const list = JSON.parse(await readFile(file, 'utf8'));
  const byUsername = new Map(list.map((user) => [user.username.toLowerCase(), user]));
  const byId = new Map(list.map((user) => [user.id, user]));
  return {
    list,
    /** @param {string} id */
    get: (id) => byId.get(id),
    /** @param {string} username @param {string} password @returns {Promise<PartnerUser | undefined>} */
    async authenticate(username, password) {
      const user = byUsername.get(username.trim().toLowerCase());
      const matches = await verifyPassword(password, user?.passwordHash ?? DECOY_HASH);
      return user && matches ? user : undefined;
    },
  };
}

/** @typedef {Awaited<ReturnType<typeof loadUsers>>} Users */
