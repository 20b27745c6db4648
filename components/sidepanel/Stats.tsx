import { interactionsSince } from '@/lib/db/queries';
import type { Interaction } from '@/lib/db/types';
import { formatSpan, t, type MessageKey } from '@/lib/i18n';
import { BANDS, responseStats, type ResponseStats } from '@/lib/queue/stats';
import type { Settings } from '@/lib/settings';
import { useCalmQuery } from '../useCalmQuery';

const MONTH = 30 * 86_400_000;
const INTERACTIONS = ['interactions'];

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
  // A month of posts, re-read calmly: the worker records posts as the agent scrolls, and a team
  // pull writes them in a stream.
  const month = useCalmQuery(
    async () => customers(await interactionsSince(new Date(now - MONTH).toISOString())),
    [now, settings.brandHandles.join()],
    INTERACTIONS,
  );
  const page = month?.filter((p) => pageKeys.includes(p.key));
  if (!month) return null;
  const target = settings.responseTargetHours;
  const all = responseStats(month, target, now);
  return (
    <section className="stats" data-testid="stats">
      <h2 className="list-title">{t('statsTitle')}</h2>
      <table>
        <thead>
          <tr>
            <th>
              <span className="visually-hidden">{t('statsScope')}</span>
            </th>
            <th>{t('statsWaiting')}</th>
            <th>{t('statsAnswered')}</th>
            <th>{t('statsMedian')}</th>
            <th>{t('statsBreaches')}</th>
          </tr>
        </thead>
        <tbody>
          <Row label={t('statsPage')} stats={responseStats(page ?? [], target, now)} testId="stats-page" />
          <Row label={t('statsAll')} stats={all} testId="stats-all" />
        </tbody>
      </table>
      <Untimed stats={all} />
      <Bands stats={all} />
    </section>
  );
}

function Row({ label, stats, testId }: { label: string; stats: ResponseStats; testId: string }) {
  return (
    <tr data-testid={testId}>
      <th scope="row">{label}</th>
      <td>{stats.waiting}</td>
      <td>{stats.answered}</td>
      <td>{stats.medianHours === null ? t('statsNone') : formatSpan(stats.medianHours)}</td>
      <td className={stats.breaches ? 'error' : ''}>{stats.breaches}</td>
    </tr>
  );
}

/** Posts whose wait is not known are counted, and said to be untimed rather than taken as no wait. */
function Untimed({ stats }: { stats: ResponseStats }) {
  if (!stats.waitUnknown && !stats.untimed) return null;
  return (
    <p className="muted" data-testid="stats-untimed">
      {t('statsUntimed', stats.waitUnknown, stats.untimed)}
    </p>
  );
}

/** A row per band of time taken to answer, with its count: the shape of the month at a glance. */
function Bands({ stats }: { stats: ResponseStats }) {
  const most = Math.max(1, ...stats.bands);
  return (
    <figure className="bands" data-testid="stats-chart">
      <figcaption className="muted">{t('statsChart')}</figcaption>
      <ul>
        {BANDS.map((_, i) => (
          <li key={i} className="band">
            <span className="band-label">{t(`band_${i}` as MessageKey)}</span>
            <span className="bar-track" aria-hidden="true">
              <span className="bar" style={{ width: `${(stats.bands[i]! / most) * 100}%` }} />
            </span>
            <span className="band-count">{stats.bands[i]}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
