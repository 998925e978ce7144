/**
 * UI components: the building blocks of events and of a thread's first message. Stored as JSON in
 * this normalised shape (deprecated input aliases resolved, defaults filled in).
 */

export type Size = 'XS' | 'S' | 'M' | 'L' | 'XL';
export type TextSize = 'S' | 'M' | 'L';
export type TextColor = 'NORMAL' | 'MUTED' | 'SUCCESS' | 'WARNING' | 'ERROR';
export type BadgeColor = 'GREY' | 'GREEN' | 'YELLOW' | 'RED' | 'BLUE';

/** Markdown text (bold, italic, code, links). */
export interface TextComponent {
  kind: 'text';
  text: string;
  textSize: TextSize | null;
  textColor: TextColor | null;
}
/** Text shown as written, without markdown. */
export interface PlainTextComponent {
  kind: 'plainText';
  plainText: string;
  plainTextSize: TextSize | null;
  plainTextColor: TextColor | null;
}
/** Vertical space. */
export interface SpacerComponent {
  kind: 'spacer';
  spacerSize: Size;
}
/** A horizontal rule. */
export interface DividerComponent {
  kind: 'divider';
  dividerSpacingSize: Size | null;
}
/** A button that opens a URL. */
export interface LinkButtonComponent {
  kind: 'linkButton';
  linkButtonLabel: string;
  linkButtonUrl: string;
}
/** A button that copies a value. */
export interface CopyButtonComponent {
  kind: 'copyButton';
  copyButtonValue: string;
  copyButtonTooltipLabel: string | null;
}
/** A small coloured label. */
export interface BadgeComponent {
  kind: 'badge';
  badgeLabel: string;
  badgeColor: BadgeColor | null;
}
/** A button that starts a workflow. */
export interface WorkflowButtonComponent {
  kind: 'workflowButton';
  workflowButtonLabel: string;
  workflowButtonWorkflowIdentifier: { workflowId: string | null; workflowKey: string | null };
}
/** Main content on the left, aside content on the right. Holds no rows or containers. */
export interface RowComponent {
  kind: 'row';
  rowMainContent: RowContentComponent[];
  rowAsideContent: RowContentComponent[];
}
/** A boxed group of components. Holds no containers. Only in a thread's message, not in events. */
export interface ContainerComponent {
  kind: 'container';
  containerContent: ContainerContentComponent[];
}

/** What a row may hold. */
export type RowContentComponent =
  | TextComponent
  | PlainTextComponent
  | SpacerComponent
  | DividerComponent
  | LinkButtonComponent
  | CopyButtonComponent
  | BadgeComponent
  | WorkflowButtonComponent;

/** What a container may hold. */
export type ContainerContentComponent = RowContentComponent | RowComponent;

/** What an event may hold. */
export type EventComponent = ContainerContentComponent;

/** What a thread's first message may hold. */
export type Component = EventComponent | ContainerComponent;

/** The `kind` of every component. */
export type ComponentKind = Component['kind'];
