// A throw-away PostgreSQL database next to the one TEST_DATABASE_URL names: benchmarks create
// it, fill it and drop it, and never touch another database's data.
import pg from 'pg';

export const ADMIN_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Creates an empty database named after the process and returns its URL and a `drop()`.
 *
 * @example
 * const scratch = await createScratchDatabase('api');
 * // … createDatabase({ url: scratch.url }) …
 * await scratch.drop();
 */
export async function createScratchDatabase(purpose) {
  const name = `wsc_bench_${purpose}_${process.pid}_${Date.now().toString(36)}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => adminQuery(`drop database if exists ${name} with (force)`),
  };
}

async function adminQuery(text) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
