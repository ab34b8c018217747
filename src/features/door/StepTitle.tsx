import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckPlace } from '../../domain/checks';
import type { DoorStep } from '../../domain/flow';
import { stepNumber } from './step-number';

/** A step's heading, numbered as the progress bar numbers it ("第4步 · 测量体温" beside ④). */
export function StepTitle({
  step,
  title,
  icon,
  after,
}: {
  step: DoorStep;
  title: string;
  icon?: ReactNode;
  /** A policy's added check: the must it follows (it is numbered as that one). */
  after?: CheckPlace;
}) {
  const { t } = useTranslation();
  const n = stepNumber(step, after);
  return (
    <h2 id="step-title">
      {icon}
      {icon ? ' ' : ''}
      {n === null ? title : t('door.stepN', { n, title })}
    </h2>
  );
}
