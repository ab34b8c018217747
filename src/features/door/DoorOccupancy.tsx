import { useQueue } from '../../services/use-queue';
import { OccupancyMeter } from '../../ui/OccupancyMeter';

/** How full the waiting area is, so the door knows before the verdict who waits outside. */
export function DoorOccupancy({ compact = false }: { compact?: boolean }) {
  const queue = useQueue();
  return queue ? <OccupancyMeter occupancy={queue.occupancy} compact={compact} /> : null;
}
