import { tierLabel } from '@/lib/i18n';

export function TierTag({ tier }: { tier: string }) {
  return <span className={`tier tier-${tier}`}>{tierLabel(tier)}</span>;
}
