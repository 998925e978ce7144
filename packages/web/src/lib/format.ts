/** How the app writes priorities, statuses and times. */

/** Plain's priorities: 0 is the most urgent. */
export const PRIORITIES = [
  { value: 0, label: 'Urgent' },
  { value: 1, label: 'High' },
  { value: 2, label: 'Normal' },
  { value: 3, label: 'Low' },
] as const;

export function priorityLabel(priority: number): string {
  return PRIORITIES.find((p) => p.value === priority)?.label ?? `P${priority}`;
}

export const STATUSES = [
  { value: 'TODO', label: 'Todo', path: 'todo' },
  { value: 'SNOOZED', label: 'Snoozed', path: 'snoozed' },
  { value: 'DONE', label: 'Done', path: 'done' },
] as const;

export type StatusValue = (typeof STATUSES)[number]['value'];

export function statusLabel(status: string): string {
  return STATUSES.find((s) => s.value === status)?.label ?? status;
}

/** How long a snooze lasts: the choices the side panel and the palette offer. */
export const SNOOZES = [
  { label: '1 hour', seconds: 3600 },
  { label: '4 hours', seconds: 4 * 3600 },
  { label: '1 day', seconds: 24 * 3600 },
  { label: '1 week', seconds: 7 * 24 * 3600 },
] as const;

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "5 minutes ago", "yesterday"; "now" under a minute. */
export function timeAgo(iso: string, now = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return 'now';
}

const absolute = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** "Nov 21, 2026, 10:32 PM": for titles and tooltips. */
export function formatTime(iso: string): string {
  return absolute.format(new Date(iso));
}
