import { TriStateCheckbox } from './tri-state-checkbox.js';

/** "customer:read" -> "customer": permissions are grouped by the resource before the colon. */
function resourceOf(permission: string): string {
  return permission.split(':')[0] ?? permission;
}

function groupByResource(permissions: readonly string[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const permission of permissions) {
    const resource = resourceOf(permission);
    groups.set(resource, [...(groups.get(resource) ?? []), permission]);
  }
  return [...groups];
}

/**
 * The "Permissions" fieldset: the permissions the signed-in person holds (a key can be given no
 * more), a checkbox per resource for all of its actions, and "Select all".
 */
export function PermissionPicker({
  available,
  selected,
  onChange,
  idPrefix,
  errorId,
}: {
  available: readonly string[];
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  idPrefix: string;
  errorId?: string;
}) {
  const setMany = (permissions: readonly string[], isOn: boolean) => {
    const next = new Set(selected);
    for (const permission of permissions) {
      if (isOn) next.add(permission);
      else next.delete(permission);
    }
    onChange(next);
  };
  return (
    <fieldset className="checkbox-group" aria-describedby={errorId}>
      <legend>Permissions</legend>
      <TriStateCheckbox
        className="field-inline checkbox-all"
        label="Select all"
        values={available}
        selected={selected}
        onToggle={(isOn) => setMany(available, isOn)}
      />
      <div className="permission-groups">
        {groupByResource(available).map(([resource, permissions]) => (
          <div key={resource} className="permission-group">
            <TriStateCheckbox
              className="field-inline permission-group-all"
              label={`All ${resource} permissions`}
              values={permissions}
              selected={selected}
              onToggle={(isOn) => setMany(permissions, isOn)}
            />
            {permissions.map((permission) => (
              <label
                key={permission}
                className="field-inline permission"
                htmlFor={`${idPrefix}-${permission}`}
              >
                <input
                  id={`${idPrefix}-${permission}`}
                  type="checkbox"
                  checked={selected.has(permission)}
                  onChange={(e) => setMany([permission], e.target.checked)}
                />
                <code>{permission}</code>
              </label>
            ))}
          </div>
        ))}
      </div>
    </fieldset>
  );
}
