import { t } from '@/lib/i18n';
import type { TeamView } from '@/lib/team/view';
import { WithContent } from './Content';

/** One quiet line on how the team's sync is doing; nothing at all outside a team. */
export function TeamStatusLine({ team }: { team: TeamView }) {
  const { state, team: name = '', pending } = team.status;
  if (state === 'off') return null;
  const message = {
    online: (n: string) => t('teamOnline', n),
    connecting: (n: string) => t('teamConnecting', n),
    offline: (n: string) => t('teamOffline', n, pending),
    unauthorized: (n: string) => t('teamUnauthorized', n),
  }[state];
  const { refused } = team.status;
  return (
    <>
      <p
        className={state === 'unauthorized' ? 'team-status error' : 'team-status muted'}
        data-testid="team-status"
        data-state={state}
        role="status"
      >
        <WithContent message={(n) => message(n!)} content={name} />
      </p>
      {!!refused && (
        <p className="team-status error" data-testid="team-refused" role="alert">
          {t('teamRefused', refused)}
        </p>
      )}
    </>
  );
}
