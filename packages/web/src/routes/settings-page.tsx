import type { ComponentType } from 'react';
import { Link, useParams } from 'wouter';
import '../settings.css';
import { ApiKeysSection } from './settings/api-keys-section.js';
import { LabelsSection } from './settings/labels-section.js';
import { ThreadFieldsSection } from './settings/thread-fields-section.js';
import { WebhooksSection } from './settings/webhooks-section.js';

/** The sections in navigation order; the first is where /settings lands. */
const SECTIONS: { path: string; label: string; component: ComponentType }[] = [
  { path: 'labels', label: 'Labels', component: LabelsSection },
  { path: 'fields', label: 'Thread fields', component: ThreadFieldsSection },
  { path: 'api-keys', label: 'API keys', component: ApiKeysSection },
  { path: 'webhooks', label: 'Webhooks', component: WebhooksSection },
];

/** The workspace's settings: one section at a time, chosen from the sub-navigation. */
export function SettingsPage() {
  const { section: sectionPath = SECTIONS[0]!.path } = useParams<{ section?: string }>();
  const section = SECTIONS.find((s) => s.path === sectionPath);
  return (
    <main className="page settings">
      <header className="page-header">
        <h1>Settings</h1>
      </header>
      <div className="settings-layout">
        <nav className="settings-nav" aria-label="Settings">
          {SECTIONS.map((s) => (
            <Link
              key={s.path}
              href={`/settings/${s.path}`}
              className="nav-link"
              aria-current={s === section ? 'page' : undefined}
            >
              {s.label}
            </Link>
          ))}
        </nav>
        <div className="settings-content">
          {section ? <section.component /> : <p className="empty">There is no such settings section.</p>}
        </div>
      </div>
    </main>
  );
}
