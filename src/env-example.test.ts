import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENT_VARIABLES } from './config.js';

/** The variables `.env.example` names, commented out or not. */
function documented(): string[] {
  const text = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
  return [...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!);
}

describe('.env.example', () => {
  it('documents every variable the configuration reads', () => {
    expect(ENVIRONMENT_VARIABLES.filter((v) => !documented().includes(v))).toEqual([]);
  });

  it('names no variable the configuration does not read, and none twice', () => {
    expect(documented().filter((v) => !ENVIRONMENT_VARIABLES.includes(v))).toEqual([]);
    expect(new Set(documented()).size).toBe(documented().length);
  });

  it('changes nothing when copied as it is: every setting is commented out', () => {
    const active = readFileSync(new URL('../.env.example', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#'));
    expect(active).toEqual([]);
  });
});
