/**
 * The markdown subset Plain renders in a ComponentText and Threadline renders in notes: **bold**,
 * *italic* and _italic_, `code`, [links](https://…) and line breaks. The parser makes tokens, never
 * HTML, so text from an API caller can never inject markup; React renders the tokens.
 */

/** One piece of inline markdown. */
export type MarkdownToken =
  | { type: 'text'; text: string }
  | { type: 'bold'; children: MarkdownToken[] }
  | { type: 'italic'; children: MarkdownToken[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: MarkdownToken[] }
  | { type: 'break' };

/** Link targets a click may open: anything else (javascript:, data:, relative paths) stays text. */
const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

/** Characters a backslash turns back into plain text. */
const ESCAPABLE = new Set(['\\', '*', '_', '`', '[', ']', '(', ')']);

/** Parses markdown text into tokens; what is not markdown stays as written. */
export function parseMarkdown(source: string): MarkdownToken[] {
  return parseInline(source.replace(/\r\n?/g, '\n'));
}

/** Whether an href may be rendered as a link. */
export function isSafeHref(href: string): boolean {
  return SAFE_HREF.test(href.trim());
}

function parseInline(text: string): MarkdownToken[] {
  const tokens: MarkdownToken[] = [];
  let plain = '';
  const pushText = (value: string) => {
    plain += value;
  };
  const flush = () => {
    if (plain) tokens.push({ type: 'text', text: plain });
    plain = '';
  };

  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    const next = text[i + 1];
    if (char === '\\' && next !== undefined && ESCAPABLE.has(next)) {
      pushText(next);
      i += 2;
      continue;
    }
    if (char === '\n') {
      flush();
      tokens.push({ type: 'break' });
      i += 1;
      continue;
    }
    const matched =
      matchCode(text, i) ??
      matchBold(text, i) ??
      matchItalic(text, i) ??
      (char === '[' ? matchLink(text, i) : null);
    if (matched?.token.type === 'text') {
      pushText(matched.token.text);
      i = matched.end;
      continue;
    }
    if (matched) {
      flush();
      tokens.push(matched.token);
      i = matched.end;
      continue;
    }
    pushText(char);
    i += 1;
  }
  flush();
  return tokens;
}

interface Match {
  token: MarkdownToken;
  /** The index just after the match. */
  end: number;
}

function matchCode(text: string, start: number): Match | null {
  if (text[start] !== '`') return null;
  const close = text.indexOf('`', start + 1);
  if (close <= start + 1) return null;
  return { token: { type: 'code', text: text.slice(start + 1, close) }, end: close + 1 };
}

function matchBold(text: string, start: number): Match | null {
  const marker = text.slice(start, start + 2);
  if (marker !== '**' && marker !== '__') return null;
  if (!opensEmphasis(text, start, 2)) return null;
  let close = text.indexOf(marker, start + 2);
  while (close !== -1 && !closesEmphasis(text, close, 2)) close = text.indexOf(marker, close + 1);
  if (close === -1) return null;
  return { token: { type: 'bold', children: parseInline(text.slice(start + 2, close)) }, end: close + 2 };
}

function matchItalic(text: string, start: number): Match | null {
  const marker = text[start];
  if (marker !== '*' && marker !== '_') return null;
  if (!opensEmphasis(text, start, 1)) return null;
  for (let close = start + 1; close < text.length; close += 1) {
    if (text[close] === '\\') {
      close += 1;
      continue;
    }
    if (text[close] !== marker) continue;
    // A doubled marker inside is bold (`*a **b** c*`): step over it rather than close on it.
    if (text[close + 1] === marker) {
      close += 1;
      continue;
    }
    if (closesEmphasis(text, close, 1)) {
      return {
        token: { type: 'italic', children: parseInline(text.slice(start + 1, close)) },
        end: close + 1,
      };
    }
  }
  return null;
}

/**
 * As in CommonMark: an opening marker is followed by a non-space, and `_` inside a word
 * (snake_case_names) is not emphasis.
 */
function opensEmphasis(text: string, start: number, length: number): boolean {
  const after = text[start + length];
  if (after === undefined || /\s/.test(after) || after === text[start]) return false;
  return !(text[start] === '_' && isWordChar(text[start - 1]));
}

function closesEmphasis(text: string, close: number, length: number): boolean {
  const before = text[close - 1];
  if (before === undefined || /\s/.test(before)) return false;
  return !(text[close] === '_' && isWordChar(text[close + length]));
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

function matchLink(text: string, start: number): Match | null {
  const labelEnd = findClosingBracket(text, start);
  if (labelEnd === -1 || text[labelEnd + 1] !== '(') return null;
  const hrefEnd = text.indexOf(')', labelEnd + 2);
  if (hrefEnd === -1) return null;
  const label = text.slice(start + 1, labelEnd);
  const href = text.slice(labelEnd + 2, hrefEnd).trim();
  const children = parseInline(label);
  // An unsafe target keeps its label, as text, so the message still reads.
  if (!label || !isSafeHref(href) || /\s/.test(href)) {
    return { token: { type: 'text', text: label }, end: hrefEnd + 1 };
  }
  return { token: { type: 'link', href, children }, end: hrefEnd + 1 };
}

/** The `]` that closes the `[` at start, allowing nested brackets in the label. */
function findClosingBracket(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i += 1) {
    const char = text[i];
    if (char === '\\') i += 1;
    else if (char === '\n') return -1;
    else if (char === '[') depth += 1;
    else if (char === ']') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}
