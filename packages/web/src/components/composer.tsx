import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { api, unwrap } from '../api/client.js';
import { announce } from '../lib/announcer.js';
import { refreshThread } from './thread-panel/use-thread-change.js';

type MessageKind = 'reply' | 'note';

interface Message {
  kind: MessageKind;
  text: string;
}

const KINDS: { value: MessageKind; label: string; submit: string; sent: string }[] = [
  { value: 'reply', label: 'Reply', submit: 'Send reply', sent: 'Reply sent' },
  { value: 'note', label: 'Note', submit: 'Add note', sent: 'Note added' },
];

/** Writes in a thread: a reply the customer gets, or an internal note (markdown). Ctrl/Cmd+Enter sends. */
export function Composer({
  threadId,
  customerId,
  onSent,
}: {
  threadId: string;
  customerId: string;
  /** Called once a message is sent (the timeline then shows its end). */
  onSent?: () => void;
}) {
  const [kind, setKind] = useState<MessageKind>('reply');
  const [text, setText] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const ids = { kind: useId(), message: useId(), error: useId() };
  const queryClient = useQueryClient();
  const send = useMutation({
    mutationFn: (message: Message) =>
      message.kind === 'reply'
        ? api.replyToThread({ threadId, textContent: message.text }).then(unwrap)
        : api.createNote({ customerId, threadId, text: message.text, markdown: message.text }).then(unwrap),
    onSuccess: (_, message) => {
      setText('');
      onSent?.();
      announce(KINDS.find((k) => k.value === message.kind)!.sent);
    },
    onSettled: () => refreshThread(queryClient, threadId),
  });
  const current = KINDS.find((k) => k.value === kind)!;
  const isEmpty = text.trim() === '';

  return (
    <form
      ref={form}
      className={`composer composer-${kind}`}
      aria-label="Write in this thread"
      onSubmit={(event) => {
        event.preventDefault();
        if (!isEmpty && !send.isPending) send.mutate({ kind, text });
      }}
    >
      <fieldset className="composer-kind">
        <legend className="visually-hidden">Message type</legend>
        {KINDS.map((k) => (
          <label key={k.value} className="composer-kind-option">
            <input
              type="radio"
              name={ids.kind}
              value={k.value}
              checked={kind === k.value}
              onChange={() => setKind(k.value)}
            />
            {k.label}
          </label>
        ))}
      </fieldset>
      <label htmlFor={ids.message} className="visually-hidden">
        Message
      </label>
      <textarea
        id={ids.message}
        value={text}
        // Kept while sending, so what was sent is what is cleared.
        readOnly={send.isPending}
        placeholder={kind === 'reply' ? 'Reply to the customer…' : 'Add an internal note (markdown)…'}
        aria-describedby={send.error ? ids.error : undefined}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            form.current?.requestSubmit();
          }
        }}
      />
      <div className="composer-actions">
        <span className="muted hint">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> to send
        </span>
        <button type="submit" className="button button-primary" disabled={isEmpty || send.isPending}>
          {current.submit}
        </button>
      </div>
      {send.error && (
        <p id={ids.error} className="field-error" role="alert">
          {send.error.message}
        </p>
      )}
    </form>
  );
}
