/**
 * Generators of hostile and broken requests for the fuzz suite: malformed JSON, wrong types, unknown
 * fields, huge strings, deep and wide queries, alias bombs, invalid UTF-8, wrong content types and
 * methods, and the SDK's own documents with arbitrary variables.
 */
import fc from 'fast-check';
import { sdkWireQueries } from '../support/sdk-wire-queries.js';

/** One request to send. `body` null sends none; `path` is relative to the GraphQL endpoint. */
export interface FuzzRequest {
  kind: string;
  method: 'POST' | 'GET';
  contentType: string | null;
  body: string | Uint8Array | null;
  /** Appended to the endpoint (a query string for GET). */
  search: string;
}

const sdkDocuments = sdkWireQueries();

function post(kind: string, body: unknown, contentType: string | null = 'application/json'): FuzzRequest {
  return {
    kind,
    method: 'POST',
    contentType,
    body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
    search: '',
  };
}

/** Strings from empty to large, with the odd character kinds (NUL, lone surrogates, emoji). */
const text = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom('\u0000', '\ud800', '\udfff x', '🧵'.repeat(3), '\u202e', '') },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 300_000 }).map((n) => 'x'.repeat(n)) },
);

/** Any JSON value, with the large strings above mixed in. */
const anyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 6 }),
    fc.dictionary(fc.string({ maxLength: 12 }), tie('value'), { maxKeys: 6 }),
  ),
})).value;

const id = fc.oneof(fc.constantFrom('c_01H14DFQ4PDYBH398J1E99TWSS', 'lt_x', 'th_', ''), text);

const component = fc.oneof(
  fc.record({ componentText: fc.record({ text }, { requiredKeys: [] }) }),
  fc.record({ componentSpacer: fc.record({ spacerSize: fc.oneof(fc.constantFrom('XS', 'M', 'XL'), text) }) }),
  fc.record({ componentLinkButton: fc.record({ linkButtonLabel: text, linkButtonUrl: text }) }),
  fc.dictionary(fc.string({ maxLength: 20 }), anyValue, { maxKeys: 3 }),
);

/** Plain-shaped inputs whose fields hold wrong types, unknown keys, long lists and huge strings. */
const createThreadInput = fc.record(
  {
    title: text,
    customerIdentifier: fc.oneof(
      fc.record({ customerId: id }),
      fc.record({ emailAddress: text }),
      fc.record({ externalId: text, customerId: id }),
      anyValue,
    ),
    components: fc.oneof(fc.array(component, { maxLength: 130 }), anyValue),
    labelTypeIds: fc.oneof(fc.array(id, { maxLength: 130 }), anyValue),
    threadFields: fc.oneof(
      fc.array(fc.record({ key: text, type: fc.constantFrom('STRING', 'BOOL', 'NOPE'), stringValue: text }), {
        maxLength: 130,
      }),
      anyValue,
    ),
    priority: fc.oneof(fc.integer({ min: -5, max: 10 }), anyValue),
    unknownField: anyValue,
  },
  { requiredKeys: [] },
);

const inputsByOperation: Record<string, fc.Arbitrary<unknown>> = {
  CreateThread: createThreadInput,
  UpsertCustomer: fc.record(
    {
      identifier: fc.oneof(fc.record({ emailAddress: text }), anyValue),
      onCreate: fc.record(
        { fullName: text, email: fc.record({ email: text, isVerified: anyValue }) },
        { requiredKeys: [] },
      ),
      onUpdate: anyValue,
      extra: anyValue,
    },
    { requiredKeys: [] },
  ),
  CreateCustomerEvent: fc.record(
    {
      title: text,
      customerIdentifier: fc.oneof(fc.record({ emailAddress: text }), anyValue),
      components: fc.oneof(fc.array(component, { maxLength: 130 }), anyValue),
      externalId: text,
    },
    { requiredKeys: [] },
  ),
  AddLabels: fc.record(
    { threadId: id, labelTypeIds: fc.oneof(fc.array(id, { maxLength: 130 }), anyValue) },
    { requiredKeys: [] },
  ),
};

/** An SDK document with arbitrary variables: typed-but-wrong inputs for the ones above, anything for the rest. */
const sdkRequest = fc.tuple(fc.constantFrom(...sdkDocuments), fc.nat()).chain(([doc]) => {
  const input = inputsByOperation[doc.name];
  const variables = input
    ? fc.oneof({ weight: 4, arbitrary: input.map((i) => ({ input: i })) }, { weight: 1, arbitrary: anyValue })
    : fc.oneof(fc.dictionary(fc.string({ maxLength: 15 }), anyValue, { maxKeys: 4 }), anyValue);
  return variables.map((v) => post(`sdk ${doc.name}`, { query: doc.query, variables: v }));
});

const depthField = fc.constantFrom('myWorkspace', 'createdBy', 'a', 'machineUser', '__typename');

const deepQuery = fc
  .tuple(fc.integer({ min: 1, max: 80 }), depthField)
  .map(([depth, name]) =>
    post('deep query', { query: `{ ${`${name} { `.repeat(depth)}id${' }'.repeat(depth)} }` }),
  );

const wideQuery = fc
  .tuple(
    fc.integer({ min: 1, max: 6000 }),
    fc.constantFrom('id', 'name', '__typename', 'createdAt { iso8601 }'),
  )
  .map(([width, field]) => post('wide query', { query: `{ myWorkspace { ${`${field} `.repeat(width)}} }` }));

const aliasBomb = fc.tuple(fc.integer({ min: 1, max: 20_000 }), fc.boolean()).map(([n, viaFragment]) =>
  post('alias bomb', {
    query: viaFragment
      ? `{ myWorkspace { ...F ...F } } fragment F on Workspace { ${Array.from({ length: Math.ceil(n / 2) }, (_, i) => `a${i}: id`).join(' ')} }`
      : `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`,
  }),
);

/** Fragments that each spread the next twice: 2^depth fields once expanded. */
const fragmentBomb = fc.integer({ min: 2, max: 60 }).map((depth) => {
  const fragments = Array.from(
    { length: depth },
    (_, i) => `fragment F${i} on Workspace { ${i === depth - 1 ? 'id' : `...F${i + 1} ...F${i + 1}`} }`,
  );
  return post('fragment bomb', { query: `{ myWorkspace { ...F0 } } ${fragments.join(' ')}` });
});

const token = fc.constantFrom(
  '{',
  '}',
  '(',
  ')',
  ':',
  '$x',
  '...',
  '@skip',
  'query',
  'mutation',
  'subscription',
  'fragment',
  'on',
  'myWorkspace',
  'id',
  '"s"',
  '"""',
  '1',
  '1.5e9',
  '[',
  ']',
  '!',
  '=',
  '#',
  'threads',
  'first:',
  '100',
  '\n',
  ',',
  'null',
  'true',
);
const tokenSoup = fc
  .array(token, { maxLength: 300 })
  .map((tokens) => post('token soup', { query: tokens.join(' ') }));

const wrongBodyShape = anyValue.map((value) => post('wrong body shape', value));
const wrongQueryType = fc
  .tuple(anyValue, anyValue)
  .map(([query, variables]) => post('wrong query type', { query, variables, operationName: variables }));

/** Valid JSON cut short, garbage text, and an empty body. */
const malformedJson = fc.oneof(
  fc
    .tuple(fc.json(), fc.nat())
    .map(([json, cut]) => post('malformed json', `${json.slice(0, cut % (json.length + 1))}{`)),
  fc.string({ maxLength: 200 }).map((s) => post('malformed json', s)),
  fc.constant(post('malformed json', '')),
  fc.constant(post('malformed json', 'null')),
);

/** A valid request's bytes with invalid UTF-8 sequences spliced in. */
const invalidUtf8 = fc
  .tuple(
    fc.constantFrom(
      [0xff],
      [0xc3, 0x28],
      [0xe2, 0x28, 0xa1],
      [0xf0, 0x90, 0x28, 0xbc],
      [0xed, 0xa0, 0x80],
      [0x00],
    ),
    fc.nat(),
  )
  .map(([bad, at]) => {
    const valid = Buffer.from(
      JSON.stringify({ query: '{ myWorkspace { id name } }', variables: { a: 'text here' } }),
    );
    const cut = at % valid.length;
    return post(
      'invalid utf-8',
      Buffer.concat([valid.subarray(0, cut), Buffer.from(bad), valid.subarray(cut)]),
    );
  });

const contentType = fc.oneof(
  fc.constantFrom(
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json; charset=latin1',
    'APPLICATION/JSON',
    'application/jsonx',
    'application/graphql',
    'application/xml',
    '',
  ),
  fc.string({ maxLength: 30 }).filter((s) => /^[\x21-\x7e ]*$/.test(s)),
  fc.constant(null),
);
const wrongContentType = fc
  .tuple(
    contentType,
    fc.constantFrom('{ myWorkspace { id } }', JSON.stringify({ query: '{ myWorkspace { id } }' })),
  )
  .map(([type, body]) => post('wrong content type', body, type));

/** GET with a query string: queries, mutations (refused on GET), broken variables. */
const getRequest = fc
  .tuple(
    fc.constantFrom(
      '{ myWorkspace { id } }',
      'mutation { deleteApiKey(input: {apiKeyId: "x"}) { error { code } } }',
      '{',
    ),
    fc.string({ maxLength: 40 }),
  )
  .map(([query, variables]) => ({
    kind: 'GET',
    method: 'GET' as const,
    contentType: null,
    body: null,
    search: `?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(variables)}`,
  }));

/** Over the 2 MiB body limit. */
const oversized = fc
  .integer({ min: 2 * 1024 * 1024, max: 3 * 1024 * 1024 })
  .map((n) => post('oversized body', { query: `{ myWorkspace { id } } #${'x'.repeat(n)}` }));

/** Every kind, weighted so that the cheap ones make most of the run. */
export const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc.oneof(
  { weight: 30, arbitrary: sdkRequest },
  { weight: 8, arbitrary: malformedJson },
  { weight: 8, arbitrary: wrongBodyShape },
  { weight: 6, arbitrary: wrongQueryType },
  { weight: 8, arbitrary: tokenSoup },
  { weight: 6, arbitrary: deepQuery },
  { weight: 4, arbitrary: wideQuery },
  { weight: 4, arbitrary: aliasBomb },
  { weight: 3, arbitrary: fragmentBomb },
  { weight: 6, arbitrary: invalidUtf8 },
  { weight: 8, arbitrary: wrongContentType },
  { weight: 4, arbitrary: getRequest },
  { weight: 1, arbitrary: oversized },
);
