import { useState } from 'react';
import { storageErrorMessage } from '@/lib/db/errors';
import { customersChanged } from '@/lib/db/mutations';
import { t } from '@/lib/i18n';
import { loadSettings, settingsItem } from '@/lib/settings';

/**
 * The first thing a new agent is asked: whose pages these are and who answers. Without the
 * brand's accounts, its own posts and replies would be taken for customers waiting.
 */
export function FirstRun({ onLater }: { onLater: () => void }) {
  const [brandName, setBrandName] = useState('');
  const [accounts, setAccounts] = useState('');
  const [agentName, setAgentName] = useState('');
  const [error, setError] = useState('');

  const save = async () => {
    try {
      await settingsItem.setValue({
        ...(await loadSettings()),
        brandName: brandName.trim().slice(0, 100),
        brandHandles: accounts
          .split(/[;,\s]+/)
          .map((a) => a.trim())
          .filter(Boolean)
          .slice(0, 20),
        agentName: agentName.trim().slice(0, 100),
      });
      // Badges already drawn are told anew: the brand's posts become "Brand".
      customersChanged();
    } catch (e) {
      setError(storageErrorMessage(e));
    }
  };

  return (
    <form
      className="card first-run"
      data-testid="first-run"
      aria-labelledby="first-run-title"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id="first-run-title">{t('firstRunTitle')}</h2>
      <p className="muted">{t('firstRunHelp')}</p>
      <label>
        {t('settingBrandName')}
        <input value={brandName} maxLength={100} onChange={(e) => setBrandName(e.target.value)} />
      </label>
      <label>
        {t('settingBrandHandles')}
        <input
          data-testid="first-run-accounts"
          value={accounts}
          maxLength={500}
          // An example handle and address, the same in every language.
          placeholder="@hearthandco; https://www.facebook.com/hearthandco"
          translate="no"
          onChange={(e) => setAccounts(e.target.value)}
        />
      </label>
      <label>
        {t('settingAgentName')}
        <input value={agentName} maxLength={100} onChange={(e) => setAgentName(e.target.value)} />
      </label>
      <div className="row">
        <button type="submit" className="primary" data-testid="first-run-save" disabled={!accounts.trim()}>
          {t('settingsSave')}
        </button>
        <button type="button" onClick={onLater}>
          {t('firstRunLater')}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
