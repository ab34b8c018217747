/**
 * The app runs under a CSP without 'unsafe-eval' (csp.ts). Zod compiles fast parsers
 * with `new Function`, and even its probe for that is reported as a CSP violation:
 * jitless parsing, set before any schema parses (main.tsx imports this first).
 */
import { z } from 'zod';

z.config({ jitless: true });
