import { t } from '@/lib/i18n';
import { CustomersSection } from './CustomersSection';
import { SettingsSection } from './SettingsSection';
import { TemplatesSection } from './TemplatesSection';

export function OptionsApp() {
  return (
    <main className="options">
      <h1>{t('optionsTitle')}</h1>
      <p className="muted">{t('privacyNote')}</p>
      <CustomersSection />
      <TemplatesSection />
      <SettingsSection />
    </main>
  );
}
