import { describe, expect, it } from 'vitest';
import { counterProblems } from './counter-settings.js';

describe('counter settings', () => {
  it('takes whole numbers from 1 to 999 and a name that is not empty', () => {
    expect(counterProblems({ number: 1, name: 'Loket 1' })).toEqual([]);
    expect(counterProblems({ number: 999 })).toEqual([]);
    for (const number of [0, 1000, 2.5, Number.NaN, -1]) expect(counterProblems({ number }), String(number)).toEqual([{ field: 'number', problem: 'COUNTER_NUMBER_INVALID' }]);
    expect(counterProblems({ name: '  ' })).toEqual([{ field: 'name', problem: 'REQUIRED' }]);
    expect(counterProblems({ name: 'x'.repeat(61) })).toEqual([{ field: 'name', problem: 'TOO_LONG' }]);
  });
});
