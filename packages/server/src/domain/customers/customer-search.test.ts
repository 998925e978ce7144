import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { parseCustomerSearch, searchTermsOf } from './customer-search.js';

function fieldsOf(searchQuery: unknown) {
  try {
    parseCustomerSearch(searchQuery);
  } catch (error) {
    if (error instanceof DomainError)
      return { code: error.code, message: error.message, fields: error.fields };
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('searchTermsOf', () => {
  it('splits at anything but letters and digits, as the search vector does', () => {
    expect(searchTermsOf('jane.doe@example.com')).toEqual(['jane', 'doe', 'example', 'com']);
    expect(searchTermsOf('  Zoë  Ünal-42 ')).toEqual(['Zoë', 'Ünal', '42']);
  });

  it('leaves case to the database, so İ is not turned into i and a combining dot', () => {
    expect(searchTermsOf('İzmir')).toEqual(['İzmir']);
  });

  it('keeps at most 10 words', () => {
    expect(searchTermsOf('a b c d e f g h i j k l')).toHaveLength(10);
  });
});

describe('parseCustomerSearch', () => {
  it('gives one match per field set, in condition order, with the trimmed text', () => {
    expect(
      parseCustomerSearch({
        or: [
          { fullName: { caseInsensitiveContains: ' Ada Love ' }, email: { caseInsensitiveContains: 'ada@' } },
          { externalId: { caseInsensitiveContains: 'crm-1' }, shortName: null },
        ],
      }),
    ).toEqual([
      { field: 'fullName', text: 'Ada Love', terms: ['Ada', 'Love'] },
      { field: 'email', text: 'ada@', terms: ['ada'] },
      { field: 'externalId', text: 'crm-1', terms: ['crm', '1'] },
    ]);
  });

  it('matches nothing for an empty or missing or, or conditions without a text', () => {
    expect(parseCustomerSearch({ or: [] })).toEqual([]);
    expect(parseCustomerSearch({})).toEqual([]);
    expect(parseCustomerSearch({ or: [{ email: { caseInsensitiveContains: null } }] })).toEqual([]);
  });

  it('returns VALIDATION on each text under 2 characters or without a letter or digit, by path', () => {
    const error = fieldsOf({
      or: [
        { fullName: { caseInsensitiveContains: 'ab' } },
        { email: { caseInsensitiveContains: ' a ' }, externalId: { caseInsensitiveContains: '@.-' } },
      ],
    });
    expect(error.code).toBe('input_validation');
    expect(error.fields.map((f) => [f.field, f.type])).toEqual([
      ['searchQuery.or.1.email.caseInsensitiveContains', 'VALIDATION'],
      ['searchQuery.or.1.externalId.caseInsensitiveContains', 'VALIDATION'],
    ]);
    expect(error.message).toContain('searchQuery.or.1.email.caseInsensitiveContains: Must have at least 2');
    expect(error.message).toContain('searchQuery.or.1.externalId.caseInsensitiveContains:');
  });

  it('returns VALIDATION on a text over 500 characters and on more than 20 conditions', () => {
    expect(fieldsOf({ or: [{ email: { caseInsensitiveContains: 'x'.repeat(501) } }] }).fields).toEqual([
      expect.objectContaining({ field: 'searchQuery.or.0.email.caseInsensitiveContains' }),
    ]);
    const many = Array.from({ length: 21 }, () => ({ email: { caseInsensitiveContains: 'ab' } }));
    expect(fieldsOf({ or: many }).fields).toEqual([expect.objectContaining({ field: 'searchQuery.or' })]);
  });
});
