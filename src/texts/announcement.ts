import { spokenQueueNumber } from '../domain/queue-number.js';
import type { Lang } from './lang.js';
import { t } from './texts.js';

/** A number called to a counter, as the waiting room must hear it. */
export interface CallToAnnounce {
  queueNumber: string;
  /** The counter it is called to; null if the call named none. */
  counter: number | null;
  /** A second call of the same number: said so, since people listen harder then. */
  recall: boolean;
}

/**
 * The sentence the waiting-room board speaks (Web Speech, `id-ID`): the number one character at
 * a time, because "A017" read as a word comes out as "a tujuh belas", which nobody matches to the
 * ticket in their hand. Counters are plain numerals: the voice says "loket tiga" by itself.
 */
export function callAnnouncement(call: CallToAnnounce, lang: Lang): string {
  const number = spokenQueueNumber(call.queueNumber);
  const sentence =
    call.counter === null ? t(lang, 'staff.announceCallAnyCounter', { number }) : t(lang, 'staff.announceCall', { number, counter: call.counter });
  return call.recall ? t(lang, 'staff.announceRecall', { call: sentence }) : sentence;
}
