import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { mutate } from '@/lib/db/mutations';
import { unsharedCount } from '@/lib/db/queries';
import { t } from '@/lib/i18n';
import type { TeamView } from '@/lib/team/view';

type Sharing =
  | { state: 'idle' }
  | { state: 'running'; done: number; total: number }
  | { state: 'done'; sent: number; merged: number }
  | { state: 'failed'; message: string };

/**
 * What the agent had before joining stays on this device until they share it: one push's worth
 * at a time, with progress, merged into the team's records where the team knows the customer.
 */
export function ShareLocal({ team }: { team: TeamView }) {
  const count = useLiveQuery(() => unsharedCount(), []);
  const [sharing, setSharing] = useState<Sharing>({ state: 'idle' });
  // Only once the team's records are here can a customer it knows be merged, not sent twice.
  const ready = team.status.state === 'online';

  const share = async () => {
    const total = count ?? 0;
    let sent = 0;
    let merged = 0;
    setSharing({ state: 'running', done: 0, total });
    try {
      for (let left = total; left > 0;) {
        const step = await mutate('shareWithTeam', {});
        sent += step.sent;
        merged += step.merged;
        left = step.left;
        setSharing({ state: 'running', done: Math.max(0, total - left), total });
      }
      setSharing({ state: 'done', sent, merged });
    } catch (error) {
      setSharing({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const running = sharing.state === 'running';
  return (
    <div className="share-local" data-testid="share-local">
      {!!count && !running && (
        <>
          <p data-testid="share-count">{t('teamUnshared', count)}</p>
          <button type="button" data-testid="share-start" disabled={!ready} onClick={() => void share()}>
            {t('teamShare')}
          </button>
          {!ready && <p className="muted">{t('teamShareWait')}</p>}
        </>
      )}
      {running && (
        <p role="status" data-testid="share-progress">
          <progress value={sharing.done} max={sharing.total} aria-label={t('teamShare')} />{' '}
          {t('teamSharing', sharing.done, sharing.total)}
        </p>
      )}
      {sharing.state === 'done' && (
        <p role="status" data-testid="share-done">
          {t('teamShared', sharing.sent, sharing.merged)}
        </p>
      )}
      {sharing.state === 'failed' && (
        <p className="error" role="alert" data-testid="share-failed">
          {t('teamShareFailed', sharing.message)}
        </p>
      )}
    </div>
  );
}
