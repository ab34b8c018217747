/**
 * Where the personal data keys come from: PERSONAL_DATA_KEY (base64, several separated
 * by commas, the first seals), or a key file (PERSONAL_DATA_KEY_FILE, default
 * DATA_DIR/personal-data.key: one base64 key per line, the first seals, `#` comments),
 * created with a fresh key on first start, mode 0600. Never inside the database: a copy
 * of the database alone opens nothing (docs/server-security.md: backup and rotation).
 */
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newMasterKey, PersonalCipher, personalKey } from './personal-crypto';

export function keyFilePath(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.PERSONAL_DATA_KEY_FILE || join(dataDir, 'personal-data.key');
}

function parseKeys(text: string, where: string): PersonalCipher {
  const keys = text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line, i) => {
      try {
        return personalKey(Buffer.from(line, 'base64'));
      } catch (e) {
        throw new Error(`${where}, key ${i + 1}: ${(e as Error).message}`);
      }
    });
  if (keys.length === 0) throw new Error(`${where}: no key`);
  return new PersonalCipher(keys);
}

export function loadPersonalCipher(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
  /** false: a missing key file is an error (backup and restore never make a key). */
  create = true,
): PersonalCipher {
  if (env.PERSONAL_DATA_KEY) return parseKeys(env.PERSONAL_DATA_KEY, 'PERSONAL_DATA_KEY');
  const file = keyFilePath(dataDir, env);
  if (!existsSync(file) && !create)
    throw new Error(
      `no personal data key at ${file}: put the hall's key file back first (docs/operations.md)`,
    );
  if (!existsSync(file))
    writeFileSync(file, `${header()}${newMasterKey()}\n`, { mode: 0o600, flag: 'wx' });
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return parseKeys(readFileSync(file, 'utf8'), file);
}

function header(): string {
  return '# Personal data keys (AES-256-GCM). First line seals; keep older lines until their data is purged.\n# Back this file up apart from the database: without it the personal data cannot be read.\n';
}

/** Rotation: a new key first in the file; older keys stay to open what they sealed. */
export function addPersonalKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.PERSONAL_DATA_KEY)
    throw new Error('PERSONAL_DATA_KEY is set: put the new key first in that variable instead');
  const file = keyFilePath(dataDir, env);
  const old = existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    : [];
  const fresh = newMasterKey();
  writeFileSync(file, `${header()}${[fresh, ...old].join('\n')}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return personalKey(Buffer.from(fresh, 'base64')).id;
}
