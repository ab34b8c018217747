import { BellRing, ClipboardList, ShieldAlert, SprayCan, Thermometer } from 'lucide-react';
import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Switch, useLocation } from 'wouter';
import { foldTasks } from '../../domain/disinfection';
import { awaitingLead, foldIncidents } from '../../domain/incidents';
import { isolationArea } from '../../domain/isolation';
import { useServices } from '../../services/services';
import { speaker } from '../../services/speech/speech';
import { useToday } from '../../services/use-today';
import { CleaningTab } from './CleaningTab';
import { useGuideStore } from './guide-store';
import { StaffTab } from './hall/StaffTab';
import { IncidentsTab } from './IncidentsTab';
import { IsolationTab } from './IsolationTab';
import { QueueTab } from './QueueTab';
import './guide.css';

/**
 * The guide (导办人员): calls tickets to windows, follows the isolation checklist, hands
 * out cleaning and records incidents. A rail of four big tabs, with what is waiting.
 */
export function GuideScreen() {
  const { t } = useTranslation();
  const { policy, settings } = useServices();
  const today = useToday();
  const setVoice = useGuideStore((s) => s.setVoice);
  const clearMessages = useGuideStore((s) => s.clearMessages);

  useEffect(() => {
    clearMessages(); // answers are words in one language: none carried into another
    void speaker
      .availability({ lang: settings.language, voice: settings.callVoice })
      .then(setVoice);
  }, [settings.language, settings.callVoice, setVoice, clearMessages]);

  // A tab opens at its top: the page scrolled down in one tab must not hide the next's head.
  const [location] = useLocation();
  const main = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: on each change of tab
  useEffect(() => {
    for (let el: HTMLElement | null = main.current; el; el = el.parentElement) el.scrollTop = 0;
  }, [location]);

  const badges = useMemo(() => {
    if (!today) return null;
    const area = isolationArea(today.visits, policy);
    // A suspected case counts from its verdict until the hand-over, not only once in the area.
    return {
      isolation: area.cases.filter((c) => !c.visit.isolation.handedOver).length,
      cleaning: foldTasks(today.records).filter((task) => !task.done).length,
      incidents: awaitingLead(foldIncidents(today.records)).length,
    };
  }, [today, policy]);

  const tab = (href: string, icon: ReactNode, label: string, badge?: string | number) => (
    <Link href={href} className={(active) => (active ? 'rail-tab rail-tab-active' : 'rail-tab')}>
      {icon}
      <span>{label}</span>
      {badge !== undefined && badge !== 0 && <span className="rail-badge">{badge}</span>}
    </Link>
  );

  return (
    <div className="guide">
      <nav className="rail" aria-label={t('app.nav.guide')}>
        {tab('/', <BellRing aria-hidden />, t('guide.nav.queue'))}
        {tab(
          '/isolation',
          <ShieldAlert aria-hidden />,
          t('guide.nav.isolation'),
          badges?.isolation,
        )}
        {tab('/cleaning', <SprayCan aria-hidden />, t('guide.nav.cleaning'), badges?.cleaning)}
        {tab('/staff', <Thermometer aria-hidden />, t('hall.nav.staff'))}
        {tab(
          '/incidents',
          <ClipboardList aria-hidden />,
          t('guide.nav.incidents'),
          badges?.incidents,
        )}
      </nav>
      <div className="guide-main" ref={main}>
        {today && (
          <Switch>
            <Route path="/isolation">
              <IsolationTab today={today} />
            </Route>
            <Route path="/cleaning">
              <CleaningTab today={today} />
            </Route>
            <Route path="/staff">
              <StaffTab today={today} />
            </Route>
            <Route path="/incidents">
              <IncidentsTab today={today} />
            </Route>
            <Route>
              <QueueTab today={today} />
            </Route>
          </Switch>
        )}
      </div>
    </div>
  );
}
