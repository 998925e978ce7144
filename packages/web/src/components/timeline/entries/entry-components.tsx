import { type UiComponentData, UiComponents } from '../components/ui-components.js';

/** The UI components of a custom entry or event. */
export function EntryComponents({ components }: { components: readonly UiComponentData[] }) {
  if (components.length === 0) return null;
  return (
    <div className="entry-components">
      <UiComponents components={components} />
    </div>
  );
}
