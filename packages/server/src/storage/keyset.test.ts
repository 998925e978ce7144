import { describe, expect, it } from 'vitest';
import { type KeyColumn, keysetSql } from './keyset.js';

const columns: KeyColumn[] = [
  { sql: 'created_at', cast: 'timestamptz' },
  { sql: 'id', cast: 'text' },
];

describe('keysetSql', () => {
  it('reads ascending after the cursor when paging forward', () => {
    expect(keysetSql(columns, { direction: 'forward', limit: 10, cursor: ['t', 'x'] }, 3)).toEqual({
      where: '(created_at, id) > ($3::timestamptz, $4::text)',
      orderBy: 'created_at ASC, id ASC',
      limit: 'LIMIT 11',
      params: ['t', 'x'],
    });
  });

  it('reads descending before the cursor when paging backward', () => {
    const sql = keysetSql(columns, { direction: 'backward', limit: 5, cursor: ['t', 'x'] }, 2);
    expect(sql.where).toBe('(created_at, id) < ($2::timestamptz, $3::text)');
    expect(sql.orderBy).toBe('created_at DESC, id DESC');
  });

  it('flips both for a newest-first list', () => {
    const sql = keysetSql(columns, { direction: 'forward', limit: 5, cursor: ['t', 'x'] }, 1, true);
    expect(sql.where).toBe('(created_at, id) < ($1::timestamptz, $2::text)');
    expect(sql.orderBy).toBe('created_at DESC, id DESC');
  });

  it('has no condition without a cursor', () => {
    expect(keysetSql(columns, { direction: 'forward', limit: 5, cursor: null }, 1)).toMatchObject({
      where: 'TRUE',
      params: [],
    });
  });
});
