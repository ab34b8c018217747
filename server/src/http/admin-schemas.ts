/**
 * What the shift lead may create on the server, one schema for the HTTP admin API and
 * the CLI (both parse with these; a CLI argument is never trusted more than a request).
 */
import { z } from 'zod';

export const siteSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and dashes'),
  name: z.string().min(1).max(80),
});

export const codeSchema = z.strictObject({
  ttlHours: z
    .number('hours must be a number')
    .min(0.1)
    .max(24 * 14)
    .default(24),
});
