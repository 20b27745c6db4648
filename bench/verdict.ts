/** A figure as judged against its budget (bench/run.ts). */
export interface Judged {
  budget?: string;
  /** Within what the run enforces: the budget, loosened by its margin. */
  ok?: boolean;
  /** Within the budget itself. */
  inBudget?: boolean;
}

/**
 * The budget, what this run enforces and whether the figure is within it, e.g.
 * "— budget <= 10 ms, CI allows 5x → ok, over the budget itself". `ok` only within what is enforced.
 */
export function verdict(figure: Judged, margin: number): string {
  if (figure.ok === undefined) return figure.budget ? `  — budget ${figure.budget}` : '';
  const allows = margin === 1 ? '' : `, CI allows ${margin}x`;
  const outcome = !figure.ok ? 'MISSED' : figure.inBudget === false ? 'ok, over the budget itself' : 'ok';
  return `  — budget ${figure.budget ?? ''}${allows} → ${outcome}`;
}
