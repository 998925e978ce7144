import type { ReactNode } from 'react';

/** Plain's ComponentRow: main content on the left, aside content (badges, buttons) on the right. */
export function ComponentRow({ main, aside }: { main: ReactNode; aside: ReactNode }) {
  return (
    <div className="component-row">
      <div className="row-main">{main}</div>
      <div className="row-aside">{aside}</div>
    </div>
  );
}
