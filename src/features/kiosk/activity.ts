/**
 * When the screen was last touched or typed on: the kiosk's single notion of "idle",
 * read by the idle reset and by the update rule.
 */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel'] as const;

export class ActivityClock {
  private last: number;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly now: () => number) {
    this.last = now();
  }

  touch(): void {
    this.last = this.now();
    for (const listener of this.listeners) listener();
  }

  idleMs(): number {
    return Math.max(0, this.now() - this.last);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Counts every touch and key on `target` as activity (captured before any handler). */
  listen(target: EventTarget): () => void {
    const onActivity = () => this.touch();
    for (const type of ACTIVITY_EVENTS) {
      target.addEventListener(type, onActivity, { capture: true, passive: true });
    }
    return () => {
      for (const type of ACTIVITY_EVENTS) {
        target.removeEventListener(type, onActivity, { capture: true });
      }
    };
  }
}
