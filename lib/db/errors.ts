import { t } from '../i18n';

/** A message the user can act on for a failed write; quota errors say what to do. */
export function storageErrorMessage(error: unknown): string {
  const name =
    (error as { name?: string; inner?: { name?: string } })?.inner?.name ?? (error as Error)?.name ?? '';
  const message = error instanceof Error ? error.message : String(error);
  return t('errorStorage', name === 'QuotaExceededError' ? 'QuotaExceededError' : message.slice(0, 200));
}
