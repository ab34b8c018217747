import { nextStep } from '../../domain/flow';
import { useServices } from '../../services/services';
import { useHall } from '../../services/use-hall';
import { SettleRegion } from '../../ui/settle';
import { AppointmentStep } from './AppointmentStep';
import { ClosureNotice } from './ClosureNotice';
import { CodesStep } from './CodesStep';
import { ComeBackCard } from './ComeBackCard';
import { useDoorStore } from './door-store';
import { IdentityStep } from './IdentityStep';
import { LowStockLine } from './LowStockLine';
import { MaskHandsStep } from './MaskHandsStep';
import { OutcomeCard } from './OutcomeCard';
import { ScanNoticeBar } from './ScanNoticeBar';
import { TemperatureStep } from './TemperatureStep';
import { VisitPanel } from './VisitPanel';
import { WalkInStep } from './WalkInStep';
import './door.css';

/**
 * The door: one visitor at a time through the six musts. With no visit in progress
 * the last verdict stays on the left while the next visitor's booking is chosen.
 */
export function DoorScreen() {
  const { policyFor } = useServices();
  const visit = useDoorStore((s) => s.visit);
  const lastFinished = useDoorStore((s) => s.lastFinished);
  const comeBack = useDoorStore((s) => s.comeBack);
  const next = useDoorStore((s) => s.next);
  const closure = useHall()?.closure.current;

  if (!visit && closure) return <ClosureNotice closure={closure} />;
  if (!visit) {
    const card = lastFinished ? (
      <OutcomeCard visit={lastFinished} onNext={next} />
    ) : comeBack ? (
      <ComeBackCard comeBack={comeBack} onNext={next} />
    ) : null;
    return (
      <>
        <div className={`door ${card ? 'door-with-outcome' : ''}`}>
          {card && (
            <SettleRegion step={lastFinished?.id ?? `come-back-${comeBack?.from}`}>
              {card}
            </SettleRegion>
          )}
          <SettleRegion step={`start-${lastFinished?.id ?? ''}`}>
            <AppointmentStep />
          </SettleRegion>
        </div>
        <LowStockLine />
      </>
    );
  }

  const step = nextStep(visit, policyFor(visit.policyVersion));
  return (
    <div className="door">
      <VisitPanel visit={visit} step={step} />
      <SettleRegion step={`${visit.id}-${step}`}>
        <div className="door-main">
          {step !== 'health-code' && step !== 'travel-code' && <ScanNoticeBar overlay />}
          {(step === 'mask' || step === 'hands') && <MaskHandsStep step={step} />}
          {(step === 'temperature' || step === 'recheck') && (
            <TemperatureStep key={step} visit={visit} recheck={step === 'recheck'} />
          )}
          {step === 'identity' && <IdentityStep visit={visit} />}
          {(step === 'health-code' || step === 'travel-code') && <CodesStep step={step} />}
          {step === 'appointment' && <WalkInStep />}
        </div>
      </SettleRegion>
    </div>
  );
}
