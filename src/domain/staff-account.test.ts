import { describe, expect, it } from 'vitest';
import { managesOffice, newAccountProblems, normalizeUsername, passwordProblem } from './staff-account.js';
import { isRole, sessionLifetimeMs } from './staff-role.js';

describe('staff accounts', () => {
  it('treats usernames without regard to case or surrounding spaces', () => {
    expect(normalizeUsername('  Budi.Santoso ')).toBe('budi.santoso');
  });

  it('accepts a plain name, a password of ten characters and a known role', () => {
    expect(newAccountProblems({ username: 'loket-3', password: '0123456789', role: 'counter' })).toEqual([]);
  });

  it('names every problem of a new account at once', () => {
    expect(newAccountProblems({ username: 'a b', password: '012345678', role: 'boss' })).toEqual([
      { field: 'username', problem: 'USERNAME_INVALID' },
      { field: 'password', problem: 'PASSWORD_TOO_SHORT' },
      { field: 'role', problem: 'ROLE_INVALID' },
    ]);
    expect(newAccountProblems({ username: 'ab', password: 'x'.repeat(201), role: 'desk' }).map((p) => p.problem)).toEqual(['USERNAME_INVALID', 'TOO_LONG']);
  });

  it('knows exactly four roles', () => {
    expect(['admin', 'desk', 'counter', 'display'].every(isRole)).toBe(true);
    expect(isRole('superuser')).toBe(false);
  });

  it('keeps the unattended display logged in for a month and people for a working day', () => {
    expect(sessionLifetimeMs('display')).toBe(30 * 24 * 3_600_000);
    expect(sessionLifetimeMs('desk')).toBe(12 * 3_600_000);
  });
});

describe('which offices an admin manages', () => {
  it('lets an admin of every office manage all, and an office admin only their own', () => {
    expect(managesOffice({ officeId: null }, 3)).toBe(true);
    expect(managesOffice({ officeId: null }, null)).toBe(true);
    expect(managesOffice({ officeId: 3 }, 3)).toBe(true);
    expect(managesOffice({ officeId: 3 }, 4)).toBe(false);
    // An account of every office is beyond an office admin.
    expect(managesOffice({ officeId: 3 }, null)).toBe(false);
  });

  it('checks a password to be set against the same rules as a new account', () => {
    expect(passwordProblem('short', 'newPassword')).toEqual({ field: 'newPassword', problem: 'PASSWORD_TOO_SHORT' });
    expect(passwordProblem('x'.repeat(201))).toEqual({ field: 'password', problem: 'TOO_LONG' });
    expect(passwordProblem('long-enough-1')).toBeNull();
  });
});
