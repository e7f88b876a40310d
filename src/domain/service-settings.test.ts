import { describe, expect, it } from 'vitest';
import { cleanDocuments, moveInOrder, normalizeServiceCode, serviceProblems } from './service-settings.js';

describe('service settings', () => {
  it('stores codes trimmed and upper-case, and accepts letters, digits and hyphens only', () => {
    expect(normalizeServiceCode(' ktp-baru ')).toBe('KTP-BARU');
    expect(serviceProblems({ code: 'akta-lahir-2' })).toEqual([]);
    expect(serviceProblems({ code: 'ktp baru' })).toEqual([{ field: 'code', problem: 'SERVICE_CODE_INVALID' }]);
    expect(serviceProblems({ code: '-KTP' })).toEqual([{ field: 'code', problem: 'SERVICE_CODE_INVALID' }]);
    expect(serviceProblems({ code: 'X'.repeat(33) })).toEqual([{ field: 'code', problem: 'SERVICE_CODE_INVALID' }]);
    expect(serviceProblems({ code: '  ' })).toEqual([{ field: 'code', problem: 'REQUIRED' }]);
  });

  it('names every problem at once and leaves absent fields alone', () => {
    expect(serviceProblems({})).toEqual([]);
    expect(serviceProblems({ nameId: ' ', nameEn: 'x'.repeat(121), documentsId: Array.from({ length: 21 }, (_, i) => `d${i}`), documentsEn: ['y'.repeat(201)] })).toEqual([
      { field: 'nameId', problem: 'REQUIRED' },
      { field: 'nameEn', problem: 'TOO_LONG' },
      { field: 'documentsId', problem: 'DOCUMENTS_TOO_MANY' },
      { field: 'documentsEn', problem: 'DOCUMENT_TOO_LONG' },
    ]);
  });

  it('drops empty document lines before counting them', () => {
    expect(cleanDocuments([' KK ', '', '  ', 'KTP-el'])).toEqual(['KK', 'KTP-el']);
    expect(serviceProblems({ documentsId: [...Array.from({ length: 20 }, (_, i) => `d${i}`), '', ' '] })).toEqual([]);
  });

  it('moves a code one place, and leaves the order alone at either end or for an unknown code', () => {
    expect(moveInOrder(['A', 'B', 'C'], 'C', 'up')).toEqual(['A', 'C', 'B']);
    expect(moveInOrder(['A', 'B', 'C'], 'A', 'down')).toEqual(['B', 'A', 'C']);
    expect(moveInOrder(['A', 'B', 'C'], 'A', 'up')).toEqual(['A', 'B', 'C']);
    expect(moveInOrder(['A', 'B', 'C'], 'C', 'down')).toEqual(['A', 'B', 'C']);
    expect(moveInOrder(['A', 'B', 'C'], 'X', 'up')).toEqual(['A', 'B', 'C']);
  });
});
