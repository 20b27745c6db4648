import { useEffect, useState } from 'react';
import { t } from '@/lib/i18n';
import { customersChanged } from '@/lib/db/mutations';
import { settingsItem, type Settings } from '@/lib/settings';
import { useSettings } from '../useSettings';

export function SettingsSection() {
  const saved = useSettings();
  const [draft, setDraft] = useState<Settings>(saved);
  const [status, setStatus] = useState('');
  useEffect(() => setDraft(saved), [saved]);

  const save = async () => {
    const hours = Number(draft.responseTargetHours);
    await settingsItem.setValue({
      agentName: draft.agentName.trim().slice(0, 100),
      brandName: draft.brandName.trim().slice(0, 100),
      brandHandles: draft.brandHandles.map((h) => h.trim().replace(/^@/, '')).filter(Boolean),
      responseTargetHours: Number.isFinite(hours) && hours > 0 ? Math.min(hours, 24 * 30) : 24,
      staleAfterMonths:
        Number.isFinite(Number(draft.staleAfterMonths)) && Number(draft.staleAfterMonths) > 0
          ? Math.min(Number(draft.staleAfterMonths), 120)
          : 12,
      brandVoice: draft.brandVoice.trim().slice(0, 500),
      tierWords: draft.tierWords,
    });
    // The brand's accounts decide which badges say "Brand": open tabs are told anew.
    customersChanged();
    setStatus(t('settingsSaved'));
  };

  return (
    <section className="block">
      <h2>{t('settingsTitle')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label>
          {t('settingAgentName')}
          <input
            data-testid="setting-agent"
            value={draft.agentName}
            maxLength={100}
            onChange={(e) => setDraft({ ...draft, agentName: e.target.value })}
          />
        </label>
        <label>
          {t('settingBrandName')}
          <input
            data-testid="setting-brand"
            value={draft.brandName}
            maxLength={100}
            onChange={(e) => setDraft({ ...draft, brandName: e.target.value })}
          />
        </label>
        <label>
          {t('settingBrandHandles')}
          <input
            data-testid="setting-brand-handles"
            value={draft.brandHandles.join('; ')}
            maxLength={500}
            onChange={(e) => setDraft({ ...draft, brandHandles: e.target.value.split(';') })}
          />
        </label>
        <label>
          {t('settingBrandVoice')}
          <textarea
            data-testid="setting-brand-voice"
            value={draft.brandVoice}
            maxLength={500}
            rows={2}
            onChange={(e) => setDraft({ ...draft, brandVoice: e.target.value })}
          />
        </label>
        <label>
          {t('settingTarget')}
          <input
            type="number"
            min={1}
            max={720}
            value={draft.responseTargetHours}
            onChange={(e) => setDraft({ ...draft, responseTargetHours: Number(e.target.value) })}
          />
        </label>
        <label>
          {t('settingStale')}
          <input
            type="number"
            min={1}
            max={120}
            value={draft.staleAfterMonths}
            onChange={(e) => setDraft({ ...draft, staleAfterMonths: Number(e.target.value) })}
          />
        </label>
        <div className="actions">
          <button type="submit" className="primary" data-testid="save-settings">
            {t('settingsSave')}
          </button>
          {status && (
            <span role="status" className="ok">
              {status}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
