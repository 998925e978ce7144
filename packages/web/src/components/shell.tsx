import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { signOut } from '../api/session.js';
import { forgetSession, useSession } from '../hooks/use-session.js';
import { announce } from '../lib/announcer.js';
import { STATUSES } from '../lib/format.js';

/** The frame of the signed-in app: navigation on the left, the page on the right. */
export function Shell({ live, children }: { live: boolean; children: ReactNode }) {
  const session = useSession();
  const queryClient = useQueryClient();
  const [location] = useLocation();
  const user = session.data!.user;
  const navLink = (href: string, label: string, active: boolean) => (
    <Link href={href} className="nav-link" aria-current={active ? 'page' : undefined}>
      {label}
    </Link>
  );
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <nav className="sidebar" aria-label="Main">
        <div className="brand">
          <span>{session.data!.workspace?.name ?? 'Threadline'}</span>
          <span
            className={live ? 'live-dot live-dot-on' : 'live-dot'}
            title={live ? 'Live updates on' : 'Live updates reconnecting'}
            role="img"
            aria-label={live ? 'Live updates on' : 'Live updates reconnecting'}
          />
        </div>
        <p className="nav-heading">Inbox</p>
        {STATUSES.map((s) => navLink(`/inbox/${s.path}`, s.label, location === `/inbox/${s.path}`))}
        <p className="nav-heading">Workspace</p>
        {navLink('/settings/labels', 'Settings', location.startsWith('/settings'))}
        <div className="sidebar-footer">
          <p className="muted" title={user.email}>
            {user.fullName}
          </p>
          <p className="muted hint">
            <kbd>Ctrl</kbd>+<kbd>K</kbd> for commands
          </p>
          <button
            type="button"
            className="button"
            onClick={async () => {
              try {
                await signOut();
                forgetSession(queryClient);
              } catch (error) {
                announce(error instanceof Error ? error.message : 'Signing out failed.');
              }
            }}
          >
            Sign out
          </button>
        </div>
      </nav>
      <div id="main" className="main" tabIndex={-1}>
        {children}
      </div>
    </div>
  );
}
