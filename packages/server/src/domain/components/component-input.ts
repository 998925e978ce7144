import { z } from 'zod';
import { httpUrl, requiredString } from '../validation.js';
import type {
  Component,
  ContainerContentComponent,
  EventComponent,
  RowContentComponent,
  Size,
  TextColor,
  TextSize,
} from './component.js';

/** Limits from Plain's documentation of the component inputs (contract §8), in one place. */
export const COMPONENT_LIMITS = {
  textLength: 10_000,
  labelLength: 500,
  copyValueLength: 1_000,
  /** Components in one list (an event, a message, a row side, a container): Threadline's own cap. */
  listLength: 100,
} as const;

const size = z.enum(['XS', 'S', 'M', 'L', 'XL']);
const textSize = z.enum(['S', 'M', 'L']);
const textColor = z.enum(['NORMAL', 'MUTED', 'SUCCESS', 'WARNING', 'ERROR']);
const badgeColor = z.enum(['GREY', 'GREEN', 'YELLOW', 'RED', 'BLUE']);
const label = requiredString(COMPONENT_LIMITS.labelLength);

// Each input kind, parsed into its stored shape. Deprecated aliases (size, color, url, label,
// spacingSize) are read when the current field is absent; the official builders send explicit nulls.
const text = z
  .object({
    text: requiredString(COMPONENT_LIMITS.textLength),
    textSize: textSize.nullish(),
    textColor: textColor.nullish(),
    size: textSize.nullish(),
    color: textColor.nullish(),
  })
  .transform((c) => ({
    kind: 'text' as const,
    text: c.text,
    textSize: (c.textSize ?? c.size ?? null) as TextSize | null,
    textColor: (c.textColor ?? c.color ?? null) as TextColor | null,
  }));

const plainText = z
  .object({
    plainText: requiredString(COMPONENT_LIMITS.textLength),
    plainTextSize: textSize.nullish(),
    plainTextColor: textColor.nullish(),
  })
  .transform((c) => ({
    kind: 'plainText' as const,
    plainText: c.plainText,
    plainTextSize: c.plainTextSize ?? null,
    plainTextColor: c.plainTextColor ?? null,
  }));

const spacer = z
  .object({ spacerSize: size.nullish(), size: size.nullish() })
  // spacerSize is non-null on output; Plain's docs say it "will be made required", M until then.
  .transform((c) => ({ kind: 'spacer' as const, spacerSize: (c.spacerSize ?? c.size ?? 'M') as Size }));

const divider = z
  .object({ dividerSpacingSize: size.nullish(), spacingSize: size.nullish() })
  .transform((c) => ({
    kind: 'divider' as const,
    dividerSpacingSize: c.dividerSpacingSize ?? c.spacingSize ?? null,
  }));

const linkButton = z
  .object({
    linkButtonLabel: label.nullish(),
    linkButtonUrl: httpUrl.nullish(),
    label: label.nullish(),
    url: httpUrl.nullish(),
  })
  .transform((c, ctx) => {
    const linkButtonLabel = c.linkButtonLabel ?? c.label;
    const linkButtonUrl = c.linkButtonUrl ?? c.url;
    if (!linkButtonLabel)
      ctx.addIssue({
        code: 'custom',
        path: ['linkButtonLabel'],
        message: 'Required',
        params: { fieldErrorType: 'REQUIRED' },
      });
    if (!linkButtonUrl)
      ctx.addIssue({
        code: 'custom',
        path: ['linkButtonUrl'],
        message: 'Required',
        params: { fieldErrorType: 'REQUIRED' },
      });
    return {
      kind: 'linkButton' as const,
      linkButtonLabel: linkButtonLabel ?? '',
      linkButtonUrl: linkButtonUrl ?? '',
    };
  });

const copyButton = z
  .object({
    copyButtonValue: requiredString(COMPONENT_LIMITS.copyValueLength),
    copyButtonTooltipLabel: label.nullish(),
  })
  .transform((c) => ({
    kind: 'copyButton' as const,
    copyButtonValue: c.copyButtonValue,
    copyButtonTooltipLabel: c.copyButtonTooltipLabel ?? null,
  }));

const badge = z
  .object({ badgeLabel: label, badgeColor: badgeColor.nullish() })
  .transform((c) => ({ kind: 'badge' as const, badgeLabel: c.badgeLabel, badgeColor: c.badgeColor ?? null }));

const workflowButton = z
  .object({
    workflowButtonLabel: label,
    workflowButtonWorkflowIdentifier: z.object({
      workflowId: z.string().max(500).nullish(),
      workflowKey: z.string().max(500).nullish(),
    }),
  })
  .transform((c, ctx) => {
    const { workflowId, workflowKey } = c.workflowButtonWorkflowIdentifier;
    if (!workflowId === !workflowKey) {
      ctx.addIssue({
        code: 'custom',
        path: ['workflowButtonWorkflowIdentifier'],
        message: 'Set exactly one of workflowId and workflowKey.',
      });
    }
    return {
      kind: 'workflowButton' as const,
      workflowButtonLabel: c.workflowButtonLabel,
      workflowButtonWorkflowIdentifier: { workflowId: workflowId ?? null, workflowKey: workflowKey ?? null },
    };
  });

/** The input key of each component kind, e.g. componentText. */
const LEAF_KINDS = {
  componentText: text,
  componentPlainText: plainText,
  componentSpacer: spacer,
  componentDivider: divider,
  componentLinkButton: linkButton,
  componentCopyButton: copyButton,
  componentBadge: badge,
  componentWorkflowButton: workflowButton,
} as const;

/**
 * A "one-of" wrapper input: exactly one of `kinds`' keys is set (explicit nulls count as unset), and
 * its value parses with that kind's schema. Plain's schema does not enforce the one-of rule; we do.
 */
function oneOf<T>(kinds: Record<string, z.ZodType<T>>) {
  const keys = Object.keys(kinds);
  return z.record(z.string(), z.unknown()).transform((input, ctx): T => {
    const set = keys.filter((k) => input[k] != null);
    const unknown = Object.keys(input).filter((k) => !keys.includes(k) && input[k] != null);
    if (set.length !== 1 || unknown.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message:
          unknown.length > 0
            ? `${unknown.join(', ')} is not allowed here.`
            : `Set exactly one of ${keys.join(', ')}.`,
      });
      return z.NEVER;
    }
    const key = set[0]!;
    const parsed = kinds[key]!.safeParse(input[key], { reportInput: true });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        ctx.addIssue({ ...issue, path: [key, ...issue.path] } as never);
      return z.NEVER;
    }
    return parsed.data;
  });
}

function list<T>(item: z.ZodType<T>, min: number) {
  return z.array(item).min(min).max(COMPONENT_LIMITS.listLength);
}

const rowContent = oneOf<RowContentComponent>(LEAF_KINDS);
const row = z
  .object({ rowMainContent: list(rowContent, 1), rowAsideContent: list(rowContent, 1) })
  .transform((c) => ({ kind: 'row' as const, ...c }));

const containerContent = oneOf<ContainerContentComponent>({ ...LEAF_KINDS, componentRow: row });
const container = z
  .object({ containerContent: list(containerContent, 1) })
  .transform((c) => ({ kind: 'container' as const, ...c }));

/** An EventComponentInput: every kind but container. */
export const eventComponentInput = oneOf<EventComponent>({ ...LEAF_KINDS, componentRow: row });

/** A ComponentInput (a thread's first message): every kind. */
export const componentInput = oneOf<Component>({
  ...LEAF_KINDS,
  componentRow: row,
  componentContainer: container,
});

/** A list of event components: possibly empty, at most the list cap. */
export const eventComponentsInput = list(eventComponentInput, 0);

/** A list of message components: at least one, at most the list cap. */
export const componentsInput = list(componentInput, 1);
