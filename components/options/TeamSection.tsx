import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { mutate } from '@/lib/db/mutations';
import { teamMembership } from '@/lib/db/queries';
import { t, type MessageKey } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import { checkTeamServer, type JoinProblem } from '@/lib/team/join';
import { permissionPattern, teamOrigin } from '@/lib/team/link';
import { WithContent } from '../Content';
import { TeamStatusLine } from '../TeamStatusLine';
import { ShareLocal } from './ShareLocal';
import { useTeam } from '../useTeam';

const PROBLEM: Record<JoinProblem, MessageKey> = {
  'bad-url': 'teamBadUrl',
  'bad-token': 'teamBadToken',
  'no-permission': 'teamNoPermission',
  unreachable: 'teamUnreachable',
  'token-refused': 'teamTokenRefused',
  'not-a-server': 'teamNotServer',
};

/**
 * Joining the team's own server, and leaving it. Concierge asks for that one origin only when the
 * agent joins; outside a team it sends nothing anywhere.
 */
export function TeamSection() {
  const membership = useLiveQuery(() => teamMembership(), []);
  const view = useTeam();
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ key: MessageKey; origin: string } | null>(null);

  const join = async () => {
    setProblem(null);
    const origin = teamOrigin(url);
    if (!origin) return setProblem({ key: PROBLEM['bad-url'], origin: url });
    const secret = token.trim();
    if (!/^ct_[A-Za-z0-9_-]{43}$/.test(secret)) return setProblem({ key: PROBLEM['bad-token'], origin });
    // Asked within the click: the browser shows its prompt only for a user's gesture.
    const granted = await browser.permissions
      .request({ origins: [permissionPattern(origin, import.meta.env.FIREFOX)] })
      .catch(() => false);
    if (!granted) return setProblem({ key: PROBLEM['no-permission'], origin });
    setBusy(true);
    try {
      const outcome = await checkTeamServer(origin, secret, (input, init) => fetch(input, init));
      if (!outcome.ok) return setProblem({ key: PROBLEM[outcome.problem], origin });
      await mutate('joinTeam', { link: outcome.link });
      await sendMessage('teamChanged', undefined).catch(() => undefined);
      setToken('');
    } finally {
      setBusy(false);
    }
  };

  const leave = async () => {
    const origin = membership?.url;
    await mutate('leaveTeam', {});
    await sendMessage('teamChanged', undefined).catch(() => undefined);
    if (origin)
      await browser.permissions
        .remove({ origins: [permissionPattern(origin, import.meta.env.FIREFOX)] })
        .catch(() => undefined);
  };

  return (
    <section className="block" data-testid="team-section" aria-labelledby="team-title">
      <h2 id="team-title">{t('teamTitle')}</h2>
      {membership ? (
        <>
          <p data-testid="team-member">
            <WithContent
              message={(agent, team) => t('teamMember', agent!, team!, t(`teamRole_${membership.role}`))}
              content={[membership.agent, membership.team]}
            />
          </p>
          <TeamStatusLine team={view} />
          <ShareLocal team={view} />
          <p className="muted">{t('teamLeaveNote')}</p>
          <button type="button" data-testid="team-leave" onClick={() => void leave()}>
            {t('teamLeave')}
          </button>
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void join();
          }}
        >
          <p className="muted">{t('teamIntro')}</p>
          <label>
            {t('teamUrl')}
            <input
              data-testid="team-url"
              type="url"
              // An address, in any language's UI: never translated.
              translate="no"
              inputMode="url"
              placeholder="https://team.example.com"
              value={url}
              maxLength={300}
              onChange={(e) => setUrl(e.target.value)}
            />
          </label>
          <label>
            {t('teamToken')}
            <input
              data-testid="team-token"
              type="password"
              autoComplete="off"
              value={token}
              maxLength={200}
              onChange={(e) => setToken(e.target.value)}
            />
          </label>
          <button type="submit" className="primary" data-testid="team-join" disabled={busy || !url || !token}>
            {busy ? t('teamJoining') : t('teamJoin')}
          </button>
          {problem && (
            <p className="error" role="alert" data-testid="team-problem">
              <WithContent message={(origin) => t(problem.key, origin!)} content={problem.origin} />
            </p>
          )}
        </form>
      )}
    </section>
  );
}
