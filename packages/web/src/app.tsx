import { lazy, Suspense } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { Announcements } from './components/announcements.js';
import { CommandPalette } from './components/command-palette.js';
import { Shell } from './components/shell.js';
import { useLiveUpdates } from './hooks/use-live-updates.js';
import { useSession } from './hooks/use-session.js';
import { InboxPage } from './routes/inbox-page.js';
import { SignInPage } from './routes/sign-in-page.js';
import { ThreadPage } from './routes/thread-page.js';

// Pages visited less often load when first visited, keeping the first load to the inbox and threads.
const SettingsPage = lazy(() =>
  import('./routes/settings-page.js').then((m) => ({ default: m.SettingsPage })),
);
const CustomerPage = lazy(() =>
  import('./routes/customer-page.js').then((m) => ({ default: m.CustomerPage })),
);

/** Signed out: the sign-in page. Signed in: the app, kept current by live updates. */
export function App() {
  const session = useSession();
  if (session.isPending) return <p className="splash">Loading…</p>;
  if (session.isError) {
    return (
      <main className="splash">
        <p role="alert">Threadline cannot be reached: {session.error.message}</p>
        <button type="button" className="button" onClick={() => void session.refetch()}>
          Try again
        </button>
      </main>
    );
  }
  return (
    <>
      {session.data ? <SignedInApp /> : <SignInPage />}
      <Announcements />
    </>
  );
}

function SignedInApp() {
  const live = useLiveUpdates();
  return (
    <Shell live={live}>
      <Suspense fallback={<p className="splash">Loading…</p>}>
        <Switch>
          <Route path="/">
            <Redirect to="/inbox/todo" replace />
          </Route>
          <Route path="/inbox/:status" component={InboxPage} />
          {/* Keyed by id: another thread or customer is a new page, not this one's drafts and open editors. */}
          <Route path="/threads/:threadId">{({ threadId }) => <ThreadPage key={threadId} />}</Route>
          <Route path="/customers/:customerId">{({ customerId }) => <CustomerPage key={customerId} />}</Route>
          <Route path="/settings/:section?" component={SettingsPage} />
          <Route>
            <main className="page">
              <h1>Not found</h1>
              <p>There is nothing at this address.</p>
            </main>
          </Route>
        </Switch>
      </Suspense>
      <CommandPalette />
    </Shell>
  );
}
