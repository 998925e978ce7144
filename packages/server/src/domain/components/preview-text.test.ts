import { describe, expect, it } from 'vitest';
import { previewTextOf, stripMarkdown } from './preview-text.js';

describe('stripMarkdown', () => {
  it('removes bold, italic, code and link marks', () => {
    expect(stripMarkdown('**bold** _it_ *also* `code` [link](https://x.y)')).toBe('bold it also code link');
  });
});

describe('previewTextOf', () => {
  it('joins the text of text, plain text, rows and containers', () => {
    expect(
      previewTextOf([
        { kind: 'text', text: 'Hello **there**', textSize: null, textColor: null },
        { kind: 'spacer', spacerSize: 'M' },
        {
          kind: 'container',
          containerContent: [
            {
              kind: 'row',
              rowMainContent: [
                { kind: 'plainText', plainText: 'main', plainTextSize: null, plainTextColor: null },
              ],
              rowAsideContent: [{ kind: 'badge', badgeLabel: 'not text', badgeColor: null }],
            },
          ],
        },
      ]),
    ).toBe('Hello there main');
  });

  it('is null without any text', () => {
    expect(previewTextOf([{ kind: 'divider', dividerSpacingSize: null }])).toBeNull();
  });

  it('cuts at 500 characters', () => {
    const preview = previewTextOf([
      { kind: 'plainText', plainText: 'a'.repeat(600), plainTextSize: null, plainTextColor: null },
    ]);
    expect(preview).toHaveLength(500);
    expect(preview!.endsWith('…')).toBe(true);
  });
});
