import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DoorStep } from '../../domain/flow';
import { stepNumber } from './step-number';

/** A step's heading, numbered as the progress bar numbers it ("第4步 · 测量体温" beside ④). */
export function StepTitle({
  step,
  title,
  icon,
}: {
  step: DoorStep;
  title: string;
  icon?: ReactNode;
}) {
  const { t } = useTranslation();
  const n = stepNumber(step);
  return (
    <h2 id="step-title">
      {icon}
      {icon ? ' ' : ''}
      {n === null ? title : t('door.stepN', { n, title })}
    </h2>
  );
}
