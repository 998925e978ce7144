import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import { Alert } from '../../components/alert.js';
import { announce } from '../../lib/announcer.js';
import { EventTypePicker } from './event-type-picker.js';
import { FieldError, fieldMessage, formMessage, TextField } from './mutation-errors.js';
import { SETTINGS_KEYS } from './query-keys.js';

const FIELDS = ['url', 'description', 'eventSubscriptions', 'isEnabled'] as const;

/** Creates a webhook target: where to POST, which events, and whether to start now. */
export function CreateWebhookTargetForm() {
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [eventTypes, setEventTypes] = useState<Set<string>>(new Set());
  const [isEnabled, setIsEnabled] = useState(true);
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: () =>
      api
        .createWebhookTarget({
          url: url.trim(),
          description: description.trim(),
          eventSubscriptions: [...eventTypes].map((eventType) => ({ eventType })),
          isEnabled,
        })
        .then(unwrap),
    onSuccess: async () => {
      announce(`Created webhook target ${url.trim()}`);
      setUrl('');
      setDescription('');
      setEventTypes(new Set());
      setIsEnabled(true);
      await queryClient.invalidateQueries({ queryKey: SETTINGS_KEYS.webhookTargets });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const error = (field: string) => fieldMessage(create.error, field);
  const eventsError =
    error('eventSubscriptions') ??
    [...eventTypes].map((_, i) => error(`eventSubscriptions.${i}.eventType`)).find(Boolean);
  const otherError = eventsError ? undefined : formMessage(create.error, FIELDS);
  return (
    <form className="card settings-form" onSubmit={submit} aria-labelledby="new-webhook-heading">
      <h3 id="new-webhook-heading">New webhook target</h3>
      <TextField
        id="webhook-url"
        label="URL"
        type="url"
        value={url}
        onChange={setUrl}
        required
        placeholder="https://example.com/webhooks/threadline"
        error={error('url')}
      />
      <TextField
        id="webhook-description"
        label="Description"
        value={description}
        onChange={setDescription}
        error={error('description')}
      />
      <EventTypePicker
        selected={eventTypes}
        onChange={setEventTypes}
        errorId={eventsError ? 'webhook-events-error' : undefined}
      />
      <FieldError id="webhook-events-error" message={eventsError} />
      <label className="field-inline">
        <input type="checkbox" checked={isEnabled} onChange={(e) => setIsEnabled(e.target.checked)} />
        <span>Enabled</span>
      </label>
      <Alert message={otherError} />
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        Create webhook target
      </button>
    </form>
  );
}
