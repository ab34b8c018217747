import { useLiveQuery } from 'dexie-react-hooks';
import { UserX } from 'lucide-react';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bookingsNotOnDay, doorListOf } from '../../db/queries';
import { type Booking, bookingsByNearness, searchBookings } from '../../domain/booking';
import { looksLikeBookingCode } from '../../domain/codes/booking-code';
import { arrivalWindow } from '../../domain/flow';
import { maskName, maskPhone } from '../../domain/privacy';
import { clockTime } from '../../domain/time';
import { markFirstScreenShown } from '../../services/first-screen';
import { useServices } from '../../services/services';
import { Button } from '../../ui/Button';
import { DoorOccupancy, DraftList, RestingList } from './door-later';
import { useDoorStore } from './door-store';
import { ScanNoticeBar } from './ScanNoticeBar';
import { StepTitle } from './StepTitle';
import { ScanPanel } from './scanner/ScanPanel';
import { useRecord } from './use-record';

const SHOWN = 8;

/** Must 1: scan or find today's booking (or handle a walk-in). Starts the visit. */
export function AppointmentStep() {
  const { t } = useTranslation();
  const { db, now, policy, settings, clock, startList } = useServices();
  const { open } = useRecord();
  const [query, setQuery] = useState('');
  const [askUrgent, setAskUrgent] = useState(false);
  const day = clock.today();
  const data = useLiveQuery(
    () => doorListOf(db, day),
    [db, day],
    startList?.day === day ? startList.list : undefined,
  );
  // The bookings listed are the door's first screen: the rest of the start waits for them.
  useEffect(() => {
    if (data) markFirstScreenShown();
  }, [data]);

  const available = (data?.bookings ?? []).filter((b) => !data?.used.has(b.bookingId));
  const found = searchBookings(available, query);
  const shown = bookingsByNearness(found, clock.checkedNow()).slice(0, SHOWN);
  // The list stops at SHOWN: say how many more there are, or a visitor seems unbooked.
  const more = found.length - shown.length;
  // Nothing today for what was typed: is it booked for another day? Say which.
  const searchElsewhere = query.trim() !== '' && data !== undefined && shown.length === 0;
  const elsewhere = useLiveQuery(
    async () =>
      searchElsewhere ? (searchBookings(await bookingsNotOnDay(db, day), query)[0] ?? null) : null,
    [db, day, query, searchElsewhere],
  );

  const choose = async (b: Booking) => {
    // Too early is not a refusal: told when to come in, no visit, the booking is kept.
    const arrival = arrivalWindow(b, clock.checkedNow(), policy);
    if (arrival.kind === 'early') {
      useDoorStore.getState().setComeBack({ booking: b, from: arrival.from });
      return false;
    }
    const { day: _day, ...ref } = b;
    return open({ type: 'appointment.matched', data: ref });
  };
  /** A good booking code opens the visit by itself: one touch fewer than the list. */
  const scanned = async (text: string) => {
    if (!data || useDoorStore.getState().saving) return;
    // The code readers load at the first scan, not with the door (its budget).
    const { scanAtAppointment } = await import('./booking-scan');
    await scanAtAppointment(text, now(), { day, bookings: data.bookings, used: data.used }, choose);
  };
  const walkIn = (urgent: boolean) => {
    setAskUrgent(false);
    void open({ type: 'appointment.walk-in', data: { urgent } });
  };

  return (
    <section className="step" aria-labelledby="step-title">
      <div className="step-head">
        <StepTitle step="appointment" title={t('door.appointment.title')} />
        <Suspense fallback={null}>
          <DoorOccupancy />
        </Suspense>
        {(settings.soundMuted || settings.soundVolume === 0) && (
          <span className="tag" data-testid="door-muted">
            {t('sound.off')}
          </span>
        )}
      </div>
      <div className="scan-layout">
        <div className="scan-main">
          <div className="search-row">
            <input
              className="search"
              type="search"
              inputMode="search"
              aria-label={t('door.appointment.search')}
              placeholder={t('door.appointment.search')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                // A handheld scanner typing into the focused search field.
                if (e.key !== 'Enter' || !looksLikeBookingCode(query)) return;
                e.preventDefault();
                setQuery('');
                void scanned(query.trim());
              }}
            />
            <Button
              tone="warn"
              onClick={() =>
                policy.appointment.walkIn === 'urgent-only' ? setAskUrgent(true) : walkIn(false)
              }
            >
              <UserX aria-hidden /> {t('door.appointment.walkIn')}
            </Button>
          </div>
          {askUrgent && (
            <fieldset className="question">
              <legend>{t('door.appointment.urgentQuestion')}</legend>
              <Button tone="primary" onClick={() => walkIn(true)}>
                {t('door.appointment.urgentYes')}
              </Button>
              <Button onClick={() => walkIn(false)}>{t('door.appointment.urgentNo')}</Button>
            </fieldset>
          )}
          <Suspense fallback={null}>
            <RestingList />
          </Suspense>
          {data && data.bookings.length === 0 && (
            <p className="hint">{t('door.appointment.noBookings')}</p>
          )}
          {data && data.bookings.length > 0 && shown.length === 0 && (
            <p className="hint">
              {elsewhere
                ? t('door.appointment.otherDay', {
                    who: maskName(elsewhere.name),
                    id: elsewhere.bookingId,
                    day: elsewhere.day,
                  })
                : t('door.appointment.none')}
            </p>
          )}
          <ul className="booking-list" aria-label={t('door.appointment.due')}>
            {shown.map((b) => (
              <li key={b.bookingId}>
                <Button bare className="booking-card" onClick={() => choose(b)}>
                  <span className="booking-time">
                    {clockTime(b.slotStart)}–{clockTime(b.slotEnd)}
                  </span>
                  <span className="booking-name">{maskName(b.name)}</span>
                  <span className="booking-phone">{maskPhone(b.phone)}</span>
                  <span className="booking-id">{b.bookingId}</span>
                </Button>
              </li>
            ))}
          </ul>
          {more > 0 && (
            <p className="hint booking-more" data-testid="bookings-more">
              {t('door.appointment.more', { count: more })}
            </p>
          )}
          <Suspense fallback={null}>
            <DraftList />
          </Suspense>
        </div>
        <ScanPanel title={t('door.scan.bookingTitle')} onScan={(text) => void scanned(text)}>
          <ScanNoticeBar />
        </ScanPanel>
      </div>
    </section>
  );
}
