import { CopyButton } from '../copy-button.js';

/** An ID in full, with a button that copies it ("Copy thread ID"). */
export function CopyableId({ name, value }: { name: string; value: string }) {
  return (
    <div className="copyable-id">
      <dt>{name.charAt(0).toUpperCase() + name.slice(1)}</dt>
      <dd>
        <code>{value}</code>
        <CopyButton text={value} what={name} label="Copy" ariaLabel={`Copy ${name}`} />
      </dd>
    </div>
  );
}
