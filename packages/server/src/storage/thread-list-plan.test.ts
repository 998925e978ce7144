import { describe, expect, it } from 'vitest';
import { filterFirstStatement, type ListSpec, segmentsOf, windowStatement } from './thread-list-plan.js';

const forward = { direction: 'forward' as const, limit: 25, cursor: null };
const spec = (over: Partial<ListSpec>): ListSpec => ({
  workspaceId: 'w_1',
  filter: {},
  sort: { kind: 'created_at' },
  descending: true,
  ...over,
});

describe('segmentsOf', () => {
  it('reads a thread field list as the threads with a value, then those without', () => {
    const segments = segmentsOf({ kind: 'thread_field', key: 'seats', valueType: 'number' });
    expect(segments.map((s) => [s.flag, s.kind, s.key.map((k) => k.sql)])).toEqual([
      [0, 'field_values', ['f.number_value', 'f.thread_id']],
      [1, 'field_missing', ['t.id']],
    ]);
  });
});

describe('windowStatement', () => {
  it('reads the next threads of the order inside the one status the filter allows, then filters them', () => {
    const s = spec({ filter: { statuses: ['TODO'], priorities: [0, 1] } });
    const { sql, params } = windowStatement(s, segmentsOf(s.sort)[0]!, forward, 1000);
    expect(sql).toMatch(
      /WHERE t\.workspace_id = \$1::text AND t\.status = \$2::text AND TRUE\s+ORDER BY t\.created_at DESC, t\.id DESC LIMIT 1000\)/,
    );
    expect(sql).toMatch(
      /WHERE t\.status = \$3::text AND t\.priority = ANY\(\$4::integer\[\]\) ORDER BY k0 DESC, k1 DESC LIMIT 26$/,
    );
    expect(params).toEqual(['w_1', 'TODO', 'TODO', [0, 1]]);
  });

  it('starts after the cursor, reading backward for a backward page', () => {
    const s = spec({ sort: { kind: 'priority' }, descending: false });
    const { sql, params } = windowStatement(
      s,
      segmentsOf(s.sort)[0]!,
      { direction: 'backward', limit: 5, cursor: [2, 'th_1'] },
      1000,
    );
    expect(sql).toContain('(t.priority, t.id) < ($2::integer, $3::text)');
    expect(sql).toContain('ORDER BY t.priority DESC, t.id DESC LIMIT 1000');
    expect(params).toEqual(['w_1', 2, 'th_1']);
  });

  it("walks a field's value index for the threads with a value", () => {
    const s = spec({ sort: { kind: 'thread_field', key: 'area', valueType: 'text' }, descending: false });
    const { sql } = windowStatement(s, segmentsOf(s.sort)[0]!, forward, 1000);
    expect(sql).toContain('FROM thread_fields f');
    expect(sql).toContain('ORDER BY left(f.string_value, 500) ASC, f.thread_id ASC LIMIT 1000');
  });
});

describe('filterFirstStatement', () => {
  it('finds every match through the filter (OFFSET 0 keeps the sort order out of the plan), then sorts', () => {
    const s = spec({ filter: { customerIds: ['c_1'] } });
    const { sql } = filterFirstStatement(s, segmentsOf(s.sort)[0]!, forward);
    expect(sql).toMatch(/t\.customer_id = \$2::text OFFSET 0\) m\s+ORDER BY k0 DESC, k1 DESC LIMIT 26$/);
  });

  it('keeps to the threads without the field in that segment', () => {
    const s = spec({ sort: { kind: 'thread_field', key: 'seats', valueType: 'number' } });
    const { sql } = filterFirstStatement(s, segmentsOf(s.sort)[1]!, forward);
    expect(sql).toContain('NOT EXISTS (SELECT 1 FROM thread_fields f');
  });
});
