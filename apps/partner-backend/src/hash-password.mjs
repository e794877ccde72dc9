// `npm run hash-password -- 'a passphrase'`: prints the scrypt hash to paste into data/users.json.
import { hashPassword } from './users.mjs';

const password = process.argv[2];
if (!password) {
  process.stderr.write("usage: npm run hash-password -- 'the password'\n");
  process.exit(1);
}
process.stdout.write(`${await hashPassword(password)}\n`);
