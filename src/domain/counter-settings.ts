import type { FieldProblem } from './errors.js';

/** Highest counter number: a number staff read off a sign and the board announces. */
export const MAX_COUNTER_NUMBER = 999;
/** Longest name of a counter. */
export const MAX_COUNTER_NAME = 60;

/** The settings of a counter an admin writes; absent fields are not being changed. */
export interface CounterSettings {
  number?: number | undefined;
  name?: string | undefined;
}

/** Every problem with a counter's settings at once; empty when all is well. */
export function counterProblems(c: CounterSettings): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (c.number !== undefined && (!Number.isInteger(c.number) || c.number < 1 || c.number > MAX_COUNTER_NUMBER)) {
    problems.push({ field: 'number', problem: 'COUNTER_NUMBER_INVALID' });
  }
  if (c.name !== undefined) {
    if (c.name.trim() === '') problems.push({ field: 'name', problem: 'REQUIRED' });
    else if (c.name.trim().length > MAX_COUNTER_NAME) problems.push({ field: 'name', problem: 'TOO_LONG' });
  }
  return problems;
}
