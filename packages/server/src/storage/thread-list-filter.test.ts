import { describe, expect, it } from 'vitest';
import { filterSql, impliedStatus, SqlParams, STRING_PREFIX } from './thread-list-filter.js';

function sql(filter: Parameters<typeof filterSql>[0]) {
  const p = new SqlParams();
  p.add('w_1', 'text');
  return { where: filterSql(filter, p), params: p.values.slice(1) };
}

describe('filterSql', () => {
  it('compares one value with = (so a (status, created_at) index is read in order) and several with ANY', () => {
    expect(sql({ statuses: ['TODO'] }).where).toBe('t.status = $2::text');
    expect(sql({ statuses: ['TODO', 'DONE'] })).toEqual({
      where: 't.status = ANY($2::text[])',
      params: [['TODO', 'DONE']],
    });
  });

  it('adds the statuses of status details, so the status indexes serve them', () => {
    expect(sql({ statusDetails: ['WAITING_FOR_DURATION'] })).toEqual({
      where: 't.status_detail = $2::text AND t.status = $3::text',
      params: ['WAITING_FOR_DURATION', 'SNOOZED'],
    });
  });

  it('makes an assignee condition FALSE, not NULL, for an unassigned thread, so not() keeps it', () => {
    expect(sql({ not: { assignedTo: ['u_1'] } }).where).toBe(
      'NOT ((t.assigned_to IS NOT NULL AND t.assigned_to = $2::text))',
    );
  });

  it('names the workspace as $1 in subqueries, which can then run once for the whole list', () => {
    expect(sql({ labelTypeIds: ['lt_1'] }).where).toContain('l.workspace_id = $1::text');
  });

  it('compares a string field by its indexed prefix, and in full only when the value is that long', () => {
    expect(sql({ threadFields: [{ key: 'k', stringValue: 'billing' }] }).where).toContain(
      `AND f.key = $3::text AND left(f.string_value, ${STRING_PREFIX}) = $2::text)`,
    );
    const long = 'x'.repeat(STRING_PREFIX + 1);
    const { where, params } = sql({ threadFields: [{ key: 'k', stringValue: long }] });
    expect(where).toContain('AND f.string_value = $3::text');
    expect(params).toEqual([long.slice(0, STRING_PREFIX), long, 'k']);
  });

  it('ORs conditions on one field and ANDs different fields', () => {
    const { where } = sql({
      threadFields: [
        { key: 'a', stringValue: 'x' },
        { key: 'a', stringValue: 'y' },
        { key: 'b', booleanValue: true },
      ],
    });
    expect(where).toMatch(
      /^\(EXISTS .* OR EXISTS .*\) AND EXISTS .*boolean_value::integer = \$\d+::integer\)$/s,
    );
  });

  it('is TRUE without conditions and FALSE for an empty or', () => {
    expect(sql({}).where).toBe('TRUE');
    expect(sql({ or: [] }).where).toBe('FALSE');
  });
});

describe('impliedStatus', () => {
  it.each([
    [{ statuses: ['TODO'] }, 'TODO'],
    [{ statuses: ['TODO', 'TODO'] }, 'TODO'],
    [{ statuses: ['TODO', 'DONE'] }, null],
    [{ statusDetails: ['IGNORED', 'DONE_MANUALLY_SET'] }, 'DONE'],
    [{ statusDetails: ['CREATED'], statuses: ['TODO'] }, 'TODO'],
    [{ statusDetails: ['CREATED'], statuses: ['DONE'] }, null],
    [{ priorities: [1] }, null],
  ])('of %j is %s', (filter, status) => {
    expect(impliedStatus(filter)).toBe(status);
  });
});
