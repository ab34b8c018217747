import { create } from 'zustand';
import { type CardOffer, type CardRead, offerCardNumber } from '../../domain/card-read';

/** Camera frames older than this no longer count towards agreement: the card moved on. */
export const CARD_READ_WINDOW_MS = 3000;
/** Frames kept for agreement at most. */
const MAX_READS = 12;

interface CardReadState {
  /** True while the identity step is on screen: the camera's reader runs only then. */
  wanted: boolean;
  reads: { read: CardRead; at: number }[];
  /** The number offered to the identity step, once it passed validation and agreement. */
  offer: CardOffer | null;
  setWanted: (wanted: boolean) => void;
  /**
   * Where a reading arrives, from the camera's worker (per frame) or a keyboard reader;
   * `at` is the services' clock (ms since the epoch), which the birth-date check also reads.
   */
  post: (read: CardRead, at: number) => void;
  /** The step used or dismissed the offer: start over. */
  clear: () => void;
}

/**
 * The seam between the card's readers and the identity step. The camera's OCR posts
 * one read per frame; the step shows `offer` when validation and agreement allow it
 * (src/domain/card-read.ts). A reader's read is offered at once. Nothing of the frame is
 * kept, only the number and name read from it, and only while the step is open.
 */
export const useCardReads = create<CardReadState>((set, get) => ({
  wanted: false,
  reads: [],
  offer: null,
  setWanted: (wanted) => set(wanted ? { wanted } : { wanted, reads: [], offer: null }),
  post: (read, at) => {
    if (!get().wanted) return;
    if (read.source === 'reader') {
      set({ reads: [], offer: offerCardNumber([read], at) });
      return;
    }
    const reads = [...get().reads, { read, at }]
      .filter((r) => at - r.at <= CARD_READ_WINDOW_MS)
      .slice(-MAX_READS);
    const offer = offerCardNumber(
      reads.map((r) => r.read),
      at,
    );
    set(offer ? { reads: [], offer } : { reads });
  },
  clear: () => set({ reads: [], offer: null }),
}));
