import { useClosingCheckout } from './use-closing-checkout';

/**
 * The shell's background work that waits for the first screen (src/services/first-screen.ts):
 * the closing check-out reads a week of visits, which a slow tablet must not do before the
 * door has its bookings listed.
 */
export function ShellWork() {
  useClosingCheckout();
  return null;
}
