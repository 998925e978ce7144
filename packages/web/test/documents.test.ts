/**
 * Every document the web app sends passes the server's query limits: a page of timeline entries with
 * their components is the dearest, and a limit it crossed would show as an empty timeline.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../server/src/graphql/schema.js';
import { QUERY_LIMITS } from '../../server/src/http/query-limits.js';
import { measureDocument } from '../../server/src/http/query-measure.js';

const DOCUMENTS = new URL('../src/api/documents/', import.meta.url);

describe("the web app's documents", () => {
  it('each stay within the cost and depth limits', () => {
    const text = readdirSync(DOCUMENTS)
      .filter((name) => name.endsWith('.graphql'))
      .map((name) => readFileSync(new URL(name, DOCUMENTS), 'utf8'))
      .join('\n');
    const measures = measureDocument(buildSchema(loadTypeDefs()), parse(text));
    expect(measures.length).toBeGreaterThan(5);
    for (const m of measures) {
      expect(m.cost, `${m.name} costs ${m.cost}`).toBeLessThanOrEqual(QUERY_LIMITS.cost);
      expect(m.depth, `${m.name} is ${m.depth} deep`).toBeLessThanOrEqual(QUERY_LIMITS.depth);
    }
    const dearest = measures.reduce((a, b) => (b.cost > a.cost ? b : a));
    console.log(`dearest web app document: ${dearest.name}, cost ${dearest.cost} of ${QUERY_LIMITS.cost}`);
  });
});
