import { z } from 'zod';
import type { DisplayState } from '../../app/floor/queries/get-display-state.js';
import type { CallAnnouncement } from '../../app/floor/queries/watch-display.js';
import { callAnnouncement } from '../../texts/announcement.js';
import { STAFF_LANG } from '../../texts/lang.js';

/** What the waiting-room board shows: numbers and counters only, never a name or a NIK. */
export const DisplayStateSchema = z
  .object({
    office: z.object({ slug: z.string(), name: z.string(), timezone: z.string() }),
    date: z.string(),
    time: z.string().describe('HH:MM in the office zone'),
    currentSession: z.object({ letter: z.string(), start: z.string(), end: z.string() }).nullable(),
    lastCalls: z.array(z.object({ queueNumber: z.string(), counter: z.number().int().nullable(), at: z.string() })),
    waiting: z.number().int().describe('Checked in and not called yet'),
    lines: z
      .array(
        z.object({
          service: z.string().describe('Service code'),
          name: z.string(),
          waiting: z.number().int(),
          typicalWait: z
            .object({ fromMinutes: z.number().int(), toMinutes: z.number().int() })
            .nullable()
            .describe('What the last one in this line waits from now, in minutes rounded outward to 5 (an estimate from the median service time); null when too few visits were measured'),
        }),
      )
      .describe('Each service with someone waiting, in the office\'s order'),
    counters: z.array(z.object({ number: z.number().int(), name: z.string(), paused: z.boolean(), current: z.string().nullable() })),
  })
  .meta({ id: 'DisplayState' });

/** A call as the stream's `call` event carries it. */
export const CallSchema = z
  .object({
    queueNumber: z.string(),
    counter: z.number().int().nullable(),
    recall: z.boolean(),
    spoken: z.string().describe('The sentence every board speaks'),
  })
  .meta({ id: 'Call' });

/**
 * The board's state as the API shows it (`/display/state` and the stream's `state` event):
 * numbers, counters and times, named field by field so nothing new leaves by accident.
 */
export function presentDisplayState(state: DisplayState): z.infer<typeof DisplayStateSchema> {
  return {
    office: { slug: state.office.slug, name: state.office.name, timezone: state.office.timezone },
    date: state.date,
    time: state.time,
    currentSession: state.currentSession ? { letter: state.currentSession.letter, start: state.currentSession.start, end: state.currentSession.end } : null,
    lastCalls: state.lastCalls.map((c) => ({ queueNumber: c.queueNumber, counter: c.counter, at: c.at })),
    waiting: state.waiting,
    lines: state.lines.map((l) => ({ service: l.service, name: l.name, waiting: l.waiting, typicalWait: l.typicalWait ? { fromMinutes: l.typicalWait.fromMinutes, toMinutes: l.typicalWait.toMinutes } : null })),
    counters: state.counters.map((c) => ({ number: c.number, name: c.name, paused: c.paused, current: c.current })),
  };
}

/** A call as the stream's `call` event carries it, with the sentence every board speaks. */
export function presentCall(call: CallAnnouncement): z.infer<typeof CallSchema> {
  return { queueNumber: call.queueNumber, counter: call.counter, recall: call.recall, spoken: callAnnouncement(call, STAFF_LANG) };
}
