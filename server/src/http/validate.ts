import type { z } from 'zod';
import { HttpError } from './errors';

/** Parses a request part by schema; the first problem becomes a 400 naming the field. */
export function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new HttpError(
    400,
    'bad-request',
    `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`,
  );
}
