import type { DisplayState } from '../../app/get-display-state.js';
import type { CallAnnouncement } from '../../app/watch-display.js';

/**
 * The board's state as the API shows it (`/display/state` and the stream's `state` event):
 * numbers, counters and times, named field by field so nothing new leaves by accident.
 */
export function presentDisplayState(state: DisplayState) {
  return {
    office: { slug: state.office.slug, name: state.office.name, timezone: state.office.timezone },
    date: state.date,
    time: state.time,
    currentSession: state.currentSession ? { letter: state.currentSession.letter, start: state.currentSession.start, end: state.currentSession.end } : null,
    lastCalls: state.lastCalls.map((c) => ({ queueNumber: c.queueNumber, counter: c.counter, at: c.at })),
    waiting: state.waiting,
    counters: state.counters.map((c) => ({ number: c.number, name: c.name, paused: c.paused, current: c.current })),
  };
}

/** A call as the stream's `call` event carries it, with the sentence every board speaks. */
export function presentCall(call: CallAnnouncement) {
  return { queueNumber: call.queueNumber, counter: call.counter, recall: call.recall, spoken: call.spoken };
}
