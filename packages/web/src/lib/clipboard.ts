import { announce } from './announcer.js';

/** Copies text to the clipboard and says so (visibly and to screen readers). */
export async function copyText(text: string, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    announce(`Copied ${what}`);
  } catch {
    announce(`Could not copy ${what}: the browser refused access to the clipboard`);
  }
}
