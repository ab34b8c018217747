/**
 * A backup's seal: HMAC-SHA-256 of the backup file's bytes, with a key derived from the
 * hall's personal data key (personal-crypto.ts `backup`), in a file beside it
 * (`<backup>.mac`). Whoever can write where backups are kept, but has not the key, cannot
 * make a backup this server restores: one added device row, trigger or view, and the MAC
 * no longer matches. A rotated key still checks the backups it sealed while it is loaded.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import type { PersonalCipher, PersonalKey } from '../personal/personal-crypto';

const FORMAT = 'checkpoint-backup-mac-v1';

export const sealPath = (file: string) => `${file}.mac`;

function macOf(file: string, key: PersonalKey): Buffer {
  const hmac = createHmac('sha256', key.backup);
  const chunk = Buffer.alloc(1 << 20);
  const fd = openSync(file, 'r');
  try {
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk))
      hmac.update(chunk.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hmac.digest();
}

/** Writes `<file>.mac` (0600) with the sealing key's id and the MAC. */
export function sealBackup(file: string, cipher: PersonalCipher): string {
  const key = cipher.keys[0] as PersonalKey;
  writeFileSync(sealPath(file), `${FORMAT} ${key.id} ${macOf(file, key).toString('hex')}\n`, {
    mode: 0o600,
    flag: 'wx',
  });
  return sealPath(file);
}

/**
 * Null when `bytes` (the backup itself, or the copy about to be restored) carries the MAC
 * in `<named>.mac` under a loaded key; else why not, in words.
 */
export function sealProblem(named: string, bytes: string, cipher: PersonalCipher): string | null {
  const path = sealPath(named);
  if (!existsSync(path))
    return `${named} has no ${path}: not a backup this server wrote, or its .mac file was not kept with it`;
  const [format, id, mac] = readFileSync(path, 'utf8').trim().split(' ');
  if (format !== FORMAT || !id || !mac || !/^[0-9a-f]{64}$/.test(mac))
    return `${path} is not a backup seal`;
  const key = cipher.keys.find((k) => k.id === id);
  if (!key)
    return `${named} was sealed with personal data key ${id}, which is not loaded: restore that key (docs/server-security.md)`;
  if (!timingSafeEqual(macOf(bytes, key), Buffer.from(mac, 'hex')))
    return `${named} was changed after this server wrote it (its MAC does not match): refusing it`;
  return null;
}
