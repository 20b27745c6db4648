import { t, tierLabel } from '../i18n';
import type { BadgeLabels } from './badge';

export function badgeLabels(): BadgeLabels {
  return { unknown: t('badgeUnknown'), title: t('badgeTitle'), tier: tierLabel };
}
