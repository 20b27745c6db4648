import type { ReactNode } from 'react';

/** A titled block of a card; shows `empty` when there is nothing to list. */
export function Section({ title, empty, children }: { title: string; empty?: string; children?: ReactNode }) {
  const hasContent = Array.isArray(children) ? children.length > 0 : children != null && children !== false;
  return (
    <section className="section">
      <h3>{title}</h3>
      {hasContent ? children : <p className="muted">{empty}</p>}
    </section>
  );
}
