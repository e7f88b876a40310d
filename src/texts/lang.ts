/** A language Antrean speaks: Indonesian, the default, and English for visitors who ask for it. */
export type Lang = 'id' | 'en';

/**
 * The language of the staff pages and the waiting-room board: the people at the desk, the
 * counters and in the waiting room read Indonesian, and one language keeps the screens calm.
 */
export const STAFF_LANG: Lang = 'id';
