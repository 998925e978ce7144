import { describe, expect, it } from 'vitest';
import { isSafeHref, parseMarkdown } from './markdown.js';

const text = (value: string) => ({ type: 'text', text: value });

describe('parseMarkdown', () => {
  it('keeps text without markdown as one text token', () => {
    expect(parseMarkdown('Hello there, 2 * 3 = 6')).toEqual([text('Hello there, 2 * 3 = 6')]);
  });

  it('reads **bold**', () => {
    expect(parseMarkdown('a **big** deal')).toEqual([
      text('a '),
      { type: 'bold', children: [text('big')] },
      text(' deal'),
    ]);
  });

  it('reads *italic* and _italic_', () => {
    expect(parseMarkdown('*one* and _two_')).toEqual([
      { type: 'italic', children: [text('one')] },
      text(' and '),
      { type: 'italic', children: [text('two')] },
    ]);
  });

  it('nests italic inside bold and bold inside italic', () => {
    expect(parseMarkdown('**very *much* so**')).toEqual([
      {
        type: 'bold',
        children: [text('very '), { type: 'italic', children: [text('much')] }, text(' so')],
      },
    ]);
    expect(parseMarkdown('*a **b** c*')).toEqual([
      { type: 'italic', children: [text('a '), { type: 'bold', children: [text('b')] }, text(' c')] },
    ]);
  });

  it('leaves underscores inside words alone', () => {
    expect(parseMarkdown('set max_retry_count to 3')).toEqual([text('set max_retry_count to 3')]);
  });

  it('does not treat markers followed by a space as emphasis', () => {
    expect(parseMarkdown('5 * 3 * 2')).toEqual([text('5 * 3 * 2')]);
  });

  it('keeps unclosed markers as written', () => {
    expect(parseMarkdown('**not closed and `tick')).toEqual([text('**not closed and `tick')]);
  });

  it('reads `code` without formatting inside it', () => {
    expect(parseMarkdown('run `npm **ci**` now')).toEqual([
      text('run '),
      { type: 'code', text: 'npm **ci**' },
      text(' now'),
    ]);
  });

  it('reads links to http, https and mailto targets, with formatting in the label', () => {
    expect(parseMarkdown('[**Docs**](https://plain.com/docs) or [mail](mailto:a@b.co)')).toEqual([
      {
        type: 'link',
        href: 'https://plain.com/docs',
        children: [{ type: 'bold', children: [text('Docs')] }],
      },
      text(' or '),
      { type: 'link', href: 'mailto:a@b.co', children: [text('mail')] },
    ]);
    expect(parseMarkdown('[x](http://example.com)')[0]).toMatchObject({
      type: 'link',
      href: 'http://example.com',
    });
  });

  it('keeps only the label of a link to an unsafe target', () => {
    expect(parseMarkdown('[click](javascript:alert(1)) me')).toEqual([text('click) me')]);
    expect(parseMarkdown('see [here](/relative) ok')).toEqual([text('see here ok')]);
    expect(parseMarkdown('[x](data:text/html,hi)')).toEqual([text('x')]);
  });

  it('turns newlines into breaks', () => {
    expect(parseMarkdown('one\ntwo\r\nthree')).toEqual([
      text('one'),
      { type: 'break' },
      text('two'),
      { type: 'break' },
      text('three'),
    ]);
  });

  it('lets a backslash keep a marker as text', () => {
    expect(parseMarkdown('\\*not italic\\*')).toEqual([text('*not italic*')]);
  });

  it('keeps HTML as text', () => {
    expect(parseMarkdown('<img src=x onerror=alert(1)>')).toEqual([text('<img src=x onerror=alert(1)>')]);
  });
});

describe('isSafeHref', () => {
  it('allows http, https and mailto only', () => {
    expect(isSafeHref('https://a.b')).toBe(true);
    expect(isSafeHref('HTTP://a.b')).toBe(true);
    expect(isSafeHref('mailto:x@y.z')).toBe(true);
    expect(isSafeHref('javascript:alert(1)')).toBe(false);
    expect(isSafeHref('  javascript:alert(1)')).toBe(false);
    expect(isSafeHref('//evil.com')).toBe(false);
  });
});
