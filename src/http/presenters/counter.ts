import { z } from 'zod';

/** A counter (loket) as staff screens see it. */
export const CounterSchema = z.object({ number: z.number().int(), name: z.string(), paused: z.boolean() }).meta({ id: 'Counter' });

/** A counter row as it leaves the server. */
export function presentCounter(c: { number: number; name: string; paused: number | boolean }): z.infer<typeof CounterSchema> {
  return { number: c.number, name: c.name, paused: c.paused === 1 || c.paused === true };
}

/** A counter with its settings: in use or not, and the services it serves. */
export const CounterSettingSchema = CounterSchema.extend({
  active: z.boolean().describe('Off: not offered to counter staff, not on the board'),
  services: z.array(z.string()).describe('Codes of the services it calls; empty: every service'),
}).meta({ id: 'CounterSetting' });

/** A counter's settings as they leave the server. */
export function presentCounterSetting(c: { number: number; name: string; paused: boolean; active: boolean; services: readonly string[] }): z.infer<typeof CounterSettingSchema> {
  return { number: c.number, name: c.name, paused: c.paused, active: c.active, services: [...c.services] };
}
