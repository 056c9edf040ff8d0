import { describe, expect, it } from 'vitest';
import {
  hasSearch,
  pagefindFilters,
  readState,
  resultSummary,
  writeState,
} from '../../../src/lib/search/query.ts';

const params = ['kind', 'payer', 'line', 'stance'];
const filterOf = { kind: 'kind', payer: 'payer', line: 'product line', stance: 'stance' };

describe('search state in the URL', () => {
  it('reads the words of the header form’s ?q= and trims them', () => {
    expect(readState('?q=+spondylolisthesis+', params)).toEqual({
      query: 'spondylolisthesis',
      selected: {},
    });
  });

  it('reads repeated filter parameters as several checked values, once each', () => {
    expect(
      readState('?q=bmi&payer=Cohere&payer=MGB%20Health%20Plan&payer=Cohere&line=Medicaid', params)
        .selected,
    ).toEqual({
      payer: ['Cohere', 'MGB Health Plan'],
      line: ['Medicaid'],
    });
  });

  it('ignores parameters it does not know and empty values', () => {
    expect(readState('?q=&utm_source=x&kind=', params)).toEqual({ query: '', selected: {} });
  });

  it('writes back what it reads', () => {
    const search = '?q=spondylolisthesis&kind=policy&payer=Cohere&payer=MGB+Health+Plan';
    expect(writeState(readState(search, params))).toBe(search);
  });

  it('writes nothing for an empty search, so the URL goes back to /search/', () => {
    expect(writeState({ query: '', selected: {} })).toBe('');
  });
});

describe('pagefind filters', () => {
  it('matches any checked value within a facet and every facet that has one', () => {
    const state = readState('?payer=Cohere&payer=MGB%20Health%20Plan&line=Medicaid', params);
    expect(pagefindFilters(state, filterOf)).toEqual({
      payer: { any: ['Cohere', 'MGB Health Plan'] },
      'product line': { any: ['Medicaid'] },
    });
  });

  it('uses the pagefind filter name, not the URL parameter', () => {
    expect(
      Object.keys(pagefindFilters({ query: '', selected: { line: ['Commercial'] } }, filterOf)),
    ).toEqual(['product line']);
  });

  it('drops parameters that name no filter', () => {
    expect(pagefindFilters({ query: '', selected: { colour: ['red'] } }, filterOf)).toEqual({});
  });
});

describe('whether to search', () => {
  it('searches for words, or for a filter on its own', () => {
    expect(hasSearch({ query: 'bmi', selected: {} })).toBe(true);
    expect(hasSearch({ query: '', selected: { kind: ['study'] } })).toBe(true);
    expect(hasSearch({ query: '', selected: {} })).toBe(false);
  });
});

describe('the announced result count', () => {
  it.each([
    [0, { query: 'zzz', selected: {} }, 'No results for “zzz”.'],
    [1, { query: 'smart', selected: {} }, '1 result for “smart”.'],
    [7, { query: 'spondylolisthesis', selected: {} }, '7 results for “spondylolisthesis”.'],
    [
      1,
      { query: 'spondylolisthesis', selected: { payer: ['Cohere'] } },
      '1 result for “spondylolisthesis”, with 1 filter.',
    ],
    [
      3,
      { query: '', selected: { payer: ['Cohere', 'UHC'], kind: ['policy'] } },
      '3 results, with 3 filters.',
    ],
  ])('says %i results for %j as “%s”', (count, state, sentence) => {
    expect(resultSummary(count, state)).toBe(sentence);
  });
});
