import { useEffect, useState, type ReactNode } from 'react';
import { t } from '@/lib/i18n';
import { formatTierWords, parseTierWords } from '@/lib/import/tiers';
import { loadSettings, settingsItem } from '@/lib/settings';
import { WithContent } from '../Content';
import { useSettings } from '../useSettings';

/** The tiers as they are typed: codes, the same in every language. */
const LEVELS = 'vip, gold, regular, new';

/** The CRM's words for tiers ("VIP = vip"), one per line, read by the next import. */
export function TierWordsEditor() {
  const settings = useSettings();
  const [text, setText] = useState(() => formatTierWords(settings.tierWords));
  const [status, setStatus] = useState<{ ok: boolean; message: ReactNode } | null>(null);
  useEffect(() => setText(formatTierWords(settings.tierWords)), [settings.tierWords]);

  const save = async () => {
    const parsed = parseTierWords(text);
    if (!parsed.ok) {
      setStatus({
        ok: false,
        message: (
          <WithContent
            message={(text, levels) => t('tierWordsBad', parsed.line, text!, levels!)}
            content={[parsed.text, LEVELS]}
          />
        ),
      });
      return;
    }
    await settingsItem.setValue({ ...(await loadSettings()), tierWords: parsed.words });
    setStatus({ ok: true, message: t('tierWordsSaved') });
  };

  return (
    <details className="tier-words">
      <summary>{t('tierWordsTitle')}</summary>
      <p className="muted" id="tier-words-help">
        <WithContent message={(levels) => t('tierWordsHelp', levels!)} content={LEVELS} />
      </p>
      <textarea
        data-testid="tier-words"
        aria-label={t('tierWordsTitle')}
        aria-describedby="tier-words-help"
        rows={8}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="actions">
        <button type="button" data-testid="tier-words-save" onClick={() => void save()}>
          {t('tierWordsSave')}
        </button>
        {status && (
          <span className={status.ok ? 'ok' : 'error'} role={status.ok ? 'status' : 'alert'}>
            {status.message}
          </span>
        )}
      </div>
    </details>
  );
}
