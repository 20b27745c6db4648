import { t } from '@/lib/i18n';
import { CustomersSection } from './CustomersSection';
import { SettingsSection } from './SettingsSection';

export function OptionsApp() {
  return (
    <main className="options">
      <h1>{t('optionsTitle')}</h1>
      <p className="muted">{t('privacyNote')}</p>
      <CustomersSection />
      <SettingsSection />
    </main>
  );
}
