import { t, tierLabel, timeAgo } from '../i18n';
import type { BadgeLabels } from './badge';

export function badgeLabels(): BadgeLabels {
  // Asked for on every badge drawn: ask the browser once per tier.
  const tiers = new Map<string, string>();
  const tier = (name: string): string => {
    let label = tiers.get(name);
    if (label === undefined) tiers.set(name, (label = tierLabel(name)));
    return label;
  };
  return {
    unknown: t('badgeUnknown'),
    brand: t('badgeBrand'),
    title: t('badgeTitle'),
    tier,
    activity: ({ kind, agent, at }) =>
      kind === 'replying' ? t('badgeReplying', agent) : t('badgeAnswered', agent, at ? timeAgo(at) : ''),
  };
}
