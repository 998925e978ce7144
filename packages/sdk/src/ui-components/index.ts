/**
 * Builders for every component kind, as `uiComponent.text(...)` in Plain's SDK. Each returns the
 * one-field input object the API takes, typed precisely so TypeScript knows where it may go.
 */
import { badge } from './badge.js';
import { container } from './container.js';
import { copyButton } from './copy-button.js';
import { divider } from './divider.js';
import { linkButton } from './link-button.js';
import { plainText } from './plain-text.js';
import { row } from './row.js';
import { spacer } from './spacer.js';
import { text } from './text.js';
import { workflowButton } from './workflow-button.js';

/** The component builders. */
export const uiComponent = {
  badge,
  container,
  copyButton,
  divider,
  linkButton,
  plainText,
  row,
  spacer,
  text,
  workflowButton,
};
