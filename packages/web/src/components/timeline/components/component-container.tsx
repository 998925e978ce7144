import type { ReactNode } from 'react';

/** Plain's ComponentContainer: a bordered box around its components. */
export function ComponentContainer({ children }: { children: ReactNode }) {
  return <div className="component-container">{children}</div>;
}
