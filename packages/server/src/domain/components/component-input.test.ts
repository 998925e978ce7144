import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { parseInput } from '../validation.js';
import { componentsInput, eventComponentsInput } from './component-input.js';

function fieldsOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.fields;
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('component inputs', () => {
  it('reads deprecated aliases when the current field is absent', () => {
    expect(
      parseInput(eventComponentsInput, [
        { componentText: { text: 'a', size: 'L', color: 'ERROR' } },
        { componentSpacer: { size: 'XS' } },
        { componentDivider: { spacingSize: 'XL' } },
        { componentLinkButton: { label: 'Go', url: 'https://example.com' } },
      ]),
    ).toEqual([
      { kind: 'text', text: 'a', textSize: 'L', textColor: 'ERROR' },
      { kind: 'spacer', spacerSize: 'XS' },
      { kind: 'divider', dividerSpacingSize: 'XL' },
      { kind: 'linkButton', linkButtonLabel: 'Go', linkButtonUrl: 'https://example.com' },
    ]);
  });

  it('fills a spacer without size with M, as its output requires a size', () => {
    expect(parseInput(eventComponentsInput, [{ componentSpacer: { spacerSize: null } }])).toEqual([
      { kind: 'spacer', spacerSize: 'M' },
    ]);
  });

  it('requires a link button label and URL', () => {
    expect(fieldsOf(() => parseInput(eventComponentsInput, [{ componentLinkButton: {} }]))).toEqual([
      { field: '0.componentLinkButton.linkButtonLabel', message: 'Required', type: 'REQUIRED' },
      { field: '0.componentLinkButton.linkButtonUrl', message: 'Required', type: 'REQUIRED' },
    ]);
  });

  it('refuses a container inside a container and a row inside a row', () => {
    const nested = [
      {
        componentContainer: {
          containerContent: [
            { componentContainer: { containerContent: [{ componentText: { text: 'a' } }] } },
          ],
        },
      },
      {
        componentRow: {
          rowMainContent: [{ componentRow: { rowMainContent: [], rowAsideContent: [] } }],
          rowAsideContent: [{ componentText: { text: 'a' } }],
        },
      },
    ];
    expect(fieldsOf(() => parseInput(componentsInput, nested)).map((f) => f.field)).toEqual([
      '0.componentContainer.containerContent.0',
      '1.componentRow.rowMainContent.0',
    ]);
  });

  it('caps a list at 100 components', () => {
    const many = Array.from({ length: 101 }, () => ({ componentDivider: {} }));
    expect(fieldsOf(() => parseInput(eventComponentsInput, many))).toEqual([
      { field: '(input)', message: 'Must have at most 100 item(s).', type: 'VALIDATION' },
    ]);
  });
});
