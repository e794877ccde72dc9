import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findMigrationsDirectory } from './migrate';

/**
 * A temporary folder holding the migrations named before `name` (tests of an upgrade: migrate
 * with it, write rows of the old shape, then migrate with the real folder). The caller removes it.
 *
 * @example
 * const earlier = migrationsBefore('0010'); // 0001–0009
 */
export function migrationsBefore(name: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'wsc-migrations-'));
  const source = findMigrationsDirectory();
  for (const file of readdirSync(source).filter((file) => file.endsWith('.sql') && file < name)) {
    copyFileSync(path.join(source, file), path.join(folder, file));
  }
  return folder;
}
