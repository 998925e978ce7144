import { useQueryClient } from '@tanstack/react-query';
import { Command } from 'cmdk';
import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import { ThreadIdByRefDocument } from '../api/__generated__/graphql.js';
import { api, request, unwrap } from '../api/client.js';
import { useMe } from '../hooks/use-session.js';
import { announce } from '../lib/announcer.js';
import { copyText } from '../lib/clipboard.js';
import { type CurrentThread, useCurrentThread } from '../lib/current-thread.js';
import { PRIORITIES, SNOOZES } from '../lib/format.js';
import { refreshThread } from './thread-panel/use-thread-change.js';

type Page = 'root' | 'snooze' | 'priority' | 'ref';

/** Cmd+K / Ctrl+K: commands on the thread on screen, and going places; keyboard only is enough. */
export function CommandPalette() {
  const [open, setOpen] = useState(false);
  const [page, setPage] = useState<Page>('root');
  const [search, setSearch] = useState('');
  const [, navigate] = useLocation();
  const thread = useCurrentThread();
  const me = useMe();
  const queryClient = useQueryClient();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === 'k' && (event.metaKey || event.ctrlKey)) {
        event.preventDefault();
        setOpen((was) => !was);
        setPage('root');
        setSearch('');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const close = () => {
    setOpen(false);
    setPage('root');
    setSearch('');
  };
  /** Closes the palette, then does something (copy, navigate) on the page underneath. */
  const closeThen = (action: () => unknown) => () => {
    close();
    void action();
  };
  const goTo = (next: Page) => {
    setPage(next);
    setSearch('');
  };

  /** Runs a change to the thread, then refreshes what shows it and says what happened. */
  const change = async (done: string, run: (t: CurrentThread) => Promise<unknown>) => {
    if (!thread) return;
    close();
    try {
      await run(thread);
      announce(done);
    } catch (error) {
      announce((error as Error).message);
    }
    void refreshThread(queryClient, thread.id);
  };

  const openByRef = async () => {
    const ref = search.trim().toUpperCase();
    if (!ref) return;
    try {
      const { threadByRef } = await request(ThreadIdByRefDocument, { ref });
      if (!threadByRef) {
        announce(`No thread ${ref}`);
        return;
      }
      close();
      navigate(`/threads/${threadByRef.id}`);
    } catch (error) {
      announce((error as Error).message);
    }
  };

  return (
    <Command.Dialog
      open={open}
      onOpenChange={(next) => (next ? setOpen(true) : close())}
      label="Command palette"
      className="palette"
      overlayClassName="palette-overlay"
      shouldFilter={page !== 'ref'}
      onKeyDown={(event) => {
        if (page === 'ref' && event.key === 'Enter') {
          event.preventDefault();
          void openByRef();
        }
        // Backspace on an empty search goes back, as in Linear.
        if (page !== 'root' && event.key === 'Backspace' && search === '') {
          event.preventDefault();
          goTo('root');
        }
      }}
    >
      <Command.Input
        value={search}
        onValueChange={setSearch}
        placeholder={page === 'ref' ? 'Thread ref, e.g. T-123, then Enter' : 'Type a command…'}
        aria-label={page === 'ref' ? 'Thread ref' : 'Command'}
      />
      <Command.List>
        {page !== 'ref' && <Command.Empty>No such command.</Command.Empty>}
        {page === 'root' && (
          <>
            {thread && (
              <Command.Group heading={`Thread ${thread.ref}`}>
                <Command.Item onSelect={closeThen(() => copyText(thread.id, 'thread ID'))}>
                  Copy thread ID
                </Command.Item>
                <Command.Item onSelect={closeThen(() => copyText(thread.customerId, 'customer ID'))}>
                  Copy customer ID
                </Command.Item>
                <Command.Item
                  onSelect={closeThen(() =>
                    copyText(`${window.location.origin}/threads/${thread.id}`, 'thread link'),
                  )}
                >
                  Copy thread link
                </Command.Item>
                <Command.Item
                  onSelect={() =>
                    change('Marked as done', (t) => api.markThreadAsDone({ threadId: t.id }).then(unwrap))
                  }
                >
                  Mark as done
                </Command.Item>
                <Command.Item onSelect={() => goTo('snooze')}>Snooze…</Command.Item>
                <Command.Item
                  onSelect={() =>
                    change('Assigned to you', (t) =>
                      api.assignThread({ threadId: t.id, userId: me.id }).then(unwrap),
                    )
                  }
                >
                  Assign to me
                </Command.Item>
                <Command.Item onSelect={() => goTo('priority')}>Change priority…</Command.Item>
              </Command.Group>
            )}
            <Command.Group heading="Go to">
              <Command.Item onSelect={() => goTo('ref')}>Go to thread by ref…</Command.Item>
              <Command.Item onSelect={closeThen(() => navigate('/inbox/todo'))}>Go to inbox</Command.Item>
              <Command.Item onSelect={closeThen(() => navigate('/settings/labels'))}>
                Go to settings
              </Command.Item>
            </Command.Group>
          </>
        )}
        {page === 'snooze' && (
          <Command.Group heading="Snooze for">
            {SNOOZES.map((s) => (
              <Command.Item
                key={s.label}
                onSelect={() =>
                  change(`Snoozed for ${s.label}`, (t) =>
                    api.snoozeThread({ threadId: t.id, durationSeconds: s.seconds }).then(unwrap),
                  )
                }
              >
                {s.label}
              </Command.Item>
            ))}
          </Command.Group>
        )}
        {page === 'priority' && (
          <Command.Group heading="Priority">
            {PRIORITIES.map((p) => (
              <Command.Item
                key={p.value}
                onSelect={() =>
                  change(`Priority set to ${p.label}`, (t) =>
                    api.changeThreadPriority({ threadId: t.id, priority: p.value }).then(unwrap),
                  )
                }
              >
                {p.label}
              </Command.Item>
            ))}
          </Command.Group>
        )}
      </Command.List>
    </Command.Dialog>
  );
}
