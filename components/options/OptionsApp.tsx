import { useLiveQuery } from 'dexie-react-hooks';
import { teamMembership } from '@/lib/db/queries';
import { t } from '@/lib/i18n';
import { WithContent } from '../Content';
import { CustomersSection } from './CustomersSection';
import { SettingsSection } from './SettingsSection';
import { TeamSection } from './TeamSection';
import { TemplatesSection } from './TemplatesSection';

/** Where customer data is: this browser alone, or this browser and the team's own server. */
function PrivacyNote() {
  const membership = useLiveQuery(() => teamMembership(), []);
  return (
    <p className="muted" data-testid="privacy-note">
      {membership ? (
        <WithContent message={(origin) => t('privacyNoteTeam', origin!)} content={membership.url} />
      ) : (
        t('privacyNote')
      )}
    </p>
  );
}

export function OptionsApp() {
  return (
    <main className="options">
      <h1>{t('optionsTitle')}</h1>
      <PrivacyNote />
      <CustomersSection />
      <TemplatesSection />
      <SettingsSection />
      <TeamSection />
    </main>
  );
}
