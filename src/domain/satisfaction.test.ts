import { describe, expect, it } from 'vitest';
import { addAnswers, emptyTotals, isSurveyScore, qualityOf, satisfactionIndex, SURVEY_ELEMENTS, type SurveyAnswers } from './satisfaction.js';

const all = (score: 1 | 2 | 3 | 4): SurveyAnswers => Object.fromEntries(SURVEY_ELEMENTS.map((e) => [e, score])) as SurveyAnswers;

describe('the satisfaction index (IKM)', () => {
  it('has the nine elements of Permenpan RB 14/2017 on a four-point scale', () => {
    expect(SURVEY_ELEMENTS).toHaveLength(9);
    expect([0, 1, 2, 3, 4, 5, 2.5].map(isSurveyScore)).toEqual([false, true, true, true, true, false, false]);
  });

  it('is 100 (A) when everyone answers 4 and 25 (D) when everyone answers 1', () => {
    expect(satisfactionIndex(addAnswers(emptyTotals(), all(4)))).toMatchObject({ responses: 1, ikm: 100, quality: 'A' });
    expect(satisfactionIndex(addAnswers(emptyTotals(), all(1)))).toMatchObject({ ikm: 25, quality: 'D' });
  });

  it('averages each element over the answers, then the nine means with equal weight, times 25', () => {
    // Two people: one all 4, one all 3 except cost 2. Element means 3.5 (cost 3), mean of means (8×3.5+3)/9 = 31/9.
    const second = { ...all(3), cost: 2 as const };
    const index = satisfactionIndex(addAnswers(addAnswers(emptyTotals(), all(4)), second));
    expect(index.elements.cost).toBe(3);
    expect(index.elements.requirements).toBe(3.5);
    expect(index.ikm).toBe(86.11);
    expect(index.quality).toBe('B');
  });

  it('puts the index into the regulation\'s categories at their borders', () => {
    expect([100, 88.31, 88.3, 76.61, 76.6, 65, 64.99, 25].map(qualityOf)).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D']);
    expect(qualityOf(76.605)).toBe('B');
  });

  it('has no index without answers', () => {
    expect(satisfactionIndex(emptyTotals())).toEqual({ responses: 0, elements: expect.objectContaining({ cost: null }), ikm: null, quality: null });
  });
});
