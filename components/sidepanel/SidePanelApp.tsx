import { useEffect, useState } from 'react';
import { t } from '@/lib/i18n';
import { detectLanguage } from '@/lib/reading/classify';
import { useSettings } from '../useSettings';
import { Candidates } from './Candidates';
import { FirstRun } from './FirstRun';
import { ReadingView } from './ReadingView';
import { Stats } from './Stats';
import { CustomerCard } from './CustomerCard';
import { PageHealthAlarm } from './PageHealthAlarm';
import { PostList } from './PostList';
import { QueueActions } from './QueueActions';
import { usePanelStore } from './store';
import { Suggestions } from './Suggestions';
import { usePageStats } from './usePageStats';
import { useQueue } from './useQueue';
import { useTabPosts } from './useTabPosts';
import { useTeam } from '../useTeam';
import { TeamStatusLine } from '../TeamStatusLine';
import { useClaim } from './useClaim';

function useMinute(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function SidePanelApp() {
  const { tabId, posts: tab, all } = useTabPosts();
  // The clock of the queue: waiting times and snoozes move on every minute.
  const now = useMinute();
  const settings = useSettings();
  const posts = useQueue(all, settings, now);
  const stats = usePageStats(tabId);
  const { selectedKey, select } = usePanelStore();
  const team = useTeam();
  useClaim(selectedKey, team.status.state !== 'off');
  const [later, setLater] = useState(false);
  const firstRun = !later && !settings.brandName && !settings.brandHandles.length;

  // A badge clicked on the page selects its post here.
  useEffect(() => {
    if (tab?.selected) select(tab.selected);
  }, [tab?.selected, select]);

  const selected = posts?.find((p) => p.interaction.key === selectedKey) ?? null;
  const reading = selected?.reading ?? null;
  const missed = stats ? Object.values(stats.misses).reduce<number>((a, b) => a + (b ?? 0), 0) : 0;

  return (
    <main className="panel">
      {selected && (
        <button
          type="button"
          className="skip-link"
          onClick={() => document.getElementById('suggestions')?.focus()}
        >
          {t('skipToSuggestions')}
        </button>
      )}
      <header className="panel-head">
        <h1>{t('extName')}</h1>
        {stats && (
          <p className="muted" data-testid="diagnostics">
            {t('panelDiagnostics', stats.postsSeen, missed)}
          </p>
        )}
        <TeamStatusLine team={team} />
      </header>
      {stats?.health?.unreadable && tabId != null && (
        <PageHealthAlarm health={stats.health} tabId={tabId} site={stats.site} />
      )}
      {firstRun && <FirstRun onLater={() => setLater(true)} />}
      {tabId == null ? (
        <p className="empty">{t('panelNoTab')}</p>
      ) : !posts?.length ? (
        <p className="empty">{t('panelNoPosts')}</p>
      ) : (
        <>
          <Stats pageKeys={tab?.keys ?? []} settings={settings} now={now} />
          <h2 className="list-title">{t('panelPostsTitle')}</h2>
          <PostList rows={posts} selectedKey={selectedKey} onSelect={select} team={team} />
          {selected ? (
            <div className="detail" data-testid="post-detail">
              <blockquote
                className="post-quote"
                lang={detectLanguage(selected.interaction.text, selected.interaction.lang)}
              >
                {selected.interaction.text}
              </blockquote>
              <QueueActions post={selected.interaction} />
              {reading && (
                <ReadingView
                  key={selected.interaction.key}
                  reading={reading}
                  post={selected.interaction}
                  customer={selected.customer}
                />
              )}
              {selected.customer ? (
                <CustomerCard customer={selected.customer} current={selected.interaction} />
              ) : (
                <>
                  <p className="muted">{t('panelUnknownAuthor')}</p>
                  <Candidates key={`candidates:${selected.interaction.key}`} post={selected.interaction} />
                </>
              )}
              {reading && (
                <Suggestions
                  post={selected.interaction}
                  customer={selected.customer}
                  settings={settings}
                  tabId={selected.tabId}
                  pageKeys={all[selected.tabId]?.keys ?? []}
                  reading={reading}
                  team={team}
                />
              )}
            </div>
          ) : (
            <p className="empty">{t('panelPickPost')}</p>
          )}
        </>
      )}
    </main>
  );
}
