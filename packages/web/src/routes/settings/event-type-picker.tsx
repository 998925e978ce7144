import { useId } from 'react';
import { TriStateCheckbox } from './tri-state-checkbox.js';
import { describeEventType, WEBHOOK_EVENT_TYPES } from './webhook-event-types.js';

/** The "Events" fieldset: one checkbox per event type and "All events", mixed when some are picked. */
export function EventTypePicker({
  selected,
  onChange,
  errorId,
}: {
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  errorId?: string;
}) {
  const id = useId();
  const toggle = (eventType: string, isOn: boolean) => {
    const next = new Set(selected);
    if (isOn) next.add(eventType);
    else next.delete(eventType);
    onChange(next);
  };
  return (
    <fieldset className="checkbox-group" aria-describedby={errorId}>
      <legend>Events</legend>
      <TriStateCheckbox
        className="field-inline checkbox-all"
        label="All events"
        values={WEBHOOK_EVENT_TYPES}
        selected={selected}
        onToggle={(isOn) => onChange(new Set(isOn ? WEBHOOK_EVENT_TYPES : []))}
      />
      <div className="checkbox-grid">
        {WEBHOOK_EVENT_TYPES.map((eventType) => (
          // Named by the event type alone, as receivers know it; the words describe it.
          <span key={eventType} className="field-inline">
            <input
              id={`${id}-${eventType}`}
              type="checkbox"
              checked={selected.has(eventType)}
              onChange={(e) => toggle(eventType, e.target.checked)}
              aria-describedby={`${id}-${eventType}-description`}
            />
            <label htmlFor={`${id}-${eventType}`}>
              <code>{eventType}</code>
            </label>
            <span id={`${id}-${eventType}-description`} className="muted">
              {describeEventType(eventType)}
            </span>
          </span>
        ))}
      </div>
    </fieldset>
  );
}
