import { beforeEach, describe, expect, it } from 'vitest';
import { doorNeedsReset } from '../../src/app/idle-door';
import { useDoorStore } from '../../src/features/door/door-store';
import { useKioskStore } from '../../src/features/kiosk/kiosk-store';

describe('the idle reset and the guide', () => {
  beforeEach(() => {
    useDoorStore.getState().next();
    useKioskStore.setState({ leadUnlocked: false, leadPresent: false });
  });

  it('leaves a guide’s tablet on the guide’s screens', () => {
    expect(doorNeedsReset('/guide')).toBe(false);
    expect(doorNeedsReset('/guide/isolation')).toBe(false);
  });

  it('still returns other screens to the door', () => {
    expect(doorNeedsReset('/log')).toBe(true);
    expect(doorNeedsReset('/guidebook')).toBe(true);
  });
});
