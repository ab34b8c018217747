import { useEffect, useState } from 'react';
import { type CardNumberProblem, checkCardNumber } from '../../domain/card-read';
import { readerTextToCardRead } from '../../domain/card-reader-text';
import { useServices } from '../../services/services';
import { useCardReads } from './card-reads';
import { useWedgeScanner } from './scanner/use-wedge-scanner';

/** Why a reader's output was refused: not a card read at all, or a number failing a check. */
export type CardRefusal = 'not-card' | CardNumberProblem;

/**
 * The identity step's card input: while mounted it asks for camera reads and listens
 * for a keyboard-mode reader (its burst, like the wedge code scanner's). Returns the
 * offer once validation (and, for the camera, agreement) allows it, and the reason a
 * reader's output was refused.
 */
export function useCardRead() {
  const { settings, now } = useServices();
  const offer = useCardReads((s) => s.offer);
  const [refusal, setRefusal] = useState<CardRefusal | null>(null);

  useEffect(() => {
    const { setWanted } = useCardReads.getState();
    setWanted(true);
    return () => setWanted(false);
  }, []);

  useWedgeScanner((text) => {
    const read = readerTextToCardRead(text, settings.cardReaderSeparator);
    const check = read ? checkCardNumber(read.idNumber, now()) : null;
    if (!read || !check?.ok) {
      setRefusal(check && !check.ok ? check.reason : 'not-card');
      return;
    }
    setRefusal(null);
    useCardReads.getState().post(read, now());
  });

  const dismiss = () => {
    setRefusal(null);
    useCardReads.getState().clear();
  };
  return { offer, refusal, dismiss };
}
