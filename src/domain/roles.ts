/**
 * Who is using the tablet. Door staff and guides each have a home screen the tablet
 * returns to when idle; the shift lead is not a role a tablet stays in but an unlock
 * (lead PIN) that lasts while the lead works on the lead's screens.
 */
export type Role = 'door' | 'guide';

export function roleHome(role: Role): string {
  return role === 'guide' ? '/guide' : '/';
}

/** The role whose screens `path` belongs to, if any (the log and the board belong to both). */
export function roleOfPath(path: string): Role | null {
  if (path === '/') return 'door';
  if (path === '/guide' || path.startsWith('/guide/')) return 'guide';
  return null;
}

/** The lead's screens: one unlock covers them all; leaving them locks. */
export function isLeadArea(path: string): boolean {
  return ['/lead', '/settings'].some((p) => path === p || path.startsWith(`${p}/`));
}
