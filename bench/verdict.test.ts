import { describe, expect, it } from 'vitest';
import { verdict } from './verdict';

describe('budget lines', () => {
  it('say the budget, the margin CI allows, and ok only within what is enforced', () => {
    expect(verdict({ budget: '<= 10 ms', ok: true, inBudget: true }, 5)).toBe(
      '  — budget <= 10 ms, CI allows 5x → ok',
    );
    expect(verdict({ budget: '<= 10 ms', ok: false, inBudget: false }, 5)).toBe(
      '  — budget <= 10 ms, CI allows 5x → MISSED',
    );
  });

  it('flag a figure over the budget itself even when the margin lets it pass', () => {
    expect(verdict({ budget: '<= 10 ms', ok: true, inBudget: false }, 5)).toBe(
      '  — budget <= 10 ms, CI allows 5x → ok, over the budget itself',
    );
  });

  it('name no margin in a run that enforces the budget itself, and no verdict where none was asked', () => {
    expect(verdict({ budget: 'p95 <= 5 ms', ok: true, inBudget: true }, 1)).toBe(
      '  — budget p95 <= 5 ms → ok',
    );
    expect(verdict({}, 5)).toBe('');
  });
});
