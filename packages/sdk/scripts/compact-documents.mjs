/**
 * A build step for the generated documents. Codegen writes each document as one string holding the
 * operation and every fragment it uses, indented: ThreadParts and its fragments appear in full in a
 * dozen documents. The built package instead keeps each fragment once, without GraphQL's ignored
 * characters, and joins them per document; requests carry the same definitions, only smaller.
 */
import { Kind, parse, print, stripIgnoredCharacters } from 'graphql';

const DOCUMENT = /new TypedDocumentString\(`([^`]*)`/g;

/** The generated module's source, with every document compacted and its fragments shared. */
export function compactDocuments(source) {
  const fragments = new Map();
  const rewritten = source.replace(DOCUMENT, (_, text) => {
    const parts = [];
    for (const definition of parse(text).definitions) {
      const compact = stripIgnoredCharacters(print(definition));
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        const name = `__fragment_${definition.name.value}`;
        fragments.set(name, compact);
        parts.push(name);
      } else {
        parts.push(JSON.stringify(compact));
      }
    }
    return `new TypedDocumentString(${parts.join(' + ')}`;
  });
  const declarations = [...fragments].map(([name, text]) => `const ${name} = ${JSON.stringify(text)};`);
  return `${declarations.join('\n')}\n${rewritten}`;
}
