import { z } from 'zod';

/** A counter (loket) as staff screens see it. */
export const CounterSchema = z.object({ number: z.number().int(), name: z.string(), paused: z.boolean() }).meta({ id: 'Counter' });

/** A counter row as it leaves the server. */
export function presentCounter(c: { number: number; name: string; paused: number | boolean }): z.infer<typeof CounterSchema> {
  return { number: c.number, name: c.name, paused: c.paused === 1 || c.paused === true };
}
