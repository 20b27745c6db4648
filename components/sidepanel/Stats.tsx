import { useLiveQuery } from 'dexie-react-hooks';
import { interactionsSince } from '@/lib/db/queries';
import type { Interaction } from '@/lib/db/types';
import { t, type MessageKey } from '@/lib/i18n';
import { BANDS, responseStats, type ResponseStats } from '@/lib/queue/stats';
import type { Settings } from '@/lib/settings';

const MONTH = 30 * 86_400_000;

/** Waiting, answered, the median first answer and breaches of the target: for this page and for the month. */
export function Stats({
  pageKeys,
  settings,
  now,
}: {
  pageKeys: readonly string[];
  settings: Settings;
  now: number;
}) {
  const brand = new Set(settings.brandHandles.map((h) => h.toLowerCase()));
  const customers = (posts: Interaction[]) => posts.filter((p) => !brand.has(p.author.handle.toLowerCase()));
  const month = useLiveQuery(
    async () => customers(await interactionsSince(new Date(now - MONTH).toISOString())),
    [now, settings.brandHandles.join()],
  );
  const page = month?.filter((p) => pageKeys.includes(p.key));
  if (!month) return null;
  const target = settings.responseTargetHours;
  return (
    <section className="stats" data-testid="stats">
      <h2 className="list-title">{t('statsTitle')}</h2>
      <table>
        <thead>
          <tr>
            <th />
            <th>{t('statsWaiting')}</th>
            <th>{t('statsAnswered')}</th>
            <th>{t('statsMedian')}</th>
            <th>{t('statsBreaches')}</th>
          </tr>
        </thead>
        <tbody>
          <Row label={t('statsPage')} stats={responseStats(page ?? [], target, now)} testId="stats-page" />
          <Row label={t('statsAll')} stats={responseStats(month, target, now)} testId="stats-all" />
        </tbody>
      </table>
      <Bands stats={responseStats(month, target, now)} />
    </section>
  );
}

function Row({ label, stats, testId }: { label: string; stats: ResponseStats; testId: string }) {
  return (
    <tr data-testid={testId}>
      <th scope="row">{label}</th>
      <td>{stats.waiting}</td>
      <td>{stats.answered}</td>
      <td>{stats.medianHours === null ? t('statsNone') : t('statsHours', stats.medianHours.toFixed(1))}</td>
      <td className={stats.breaches ? 'error' : ''}>{stats.breaches}</td>
    </tr>
  );
}

/** A bar per band of time taken to answer: the shape of the month at a glance. */
function Bands({ stats }: { stats: ResponseStats }) {
  const most = Math.max(1, ...stats.bands);
  return (
    <figure className="bands" aria-label={t('statsChart')} data-testid="stats-chart">
      {BANDS.map((_, i) => (
        <div key={i} className="band">
          <span
            className="bar"
            style={{ height: `${(stats.bands[i]! / most) * 40}px` }}
            title={String(stats.bands[i])}
          />
          <span className="muted">{t(`band_${i}` as MessageKey)}</span>
        </div>
      ))}
      <figcaption className="muted">{t('statsChart')}</figcaption>
    </figure>
  );
}
