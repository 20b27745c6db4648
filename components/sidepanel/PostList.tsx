import { t } from '@/lib/i18n';
import { handleLabel } from '@/lib/model';
import { TierTag } from '../TierTag';
import type { PanelPost } from './usePanelData';

export function PostList({ posts, selectedKey, onSelect }: { posts: PanelPost[]; selectedKey: string | null; onSelect: (key: string) => void }) {
  return (
    <ul className="post-list" aria-label={t('panelPostsTitle')}>
      {posts.map(({ interaction: post, customer }) => (
        <li key={post.key}>
          <button
            type="button"
            data-testid="post-item"
            data-key={post.key}
            aria-pressed={post.key === selectedKey}
            className={post.key === selectedKey ? 'post-item selected' : 'post-item'}
            onClick={() => onSelect(post.key)}
          >
            <span className="post-author">
              <strong>{customer?.name ?? post.author.displayName}</strong>
              <span className="muted"> {handleLabel(post.site, post.author)}</span>
              {post.kind !== 'post' && <span className="muted"> · {t(post.kind === 'reply' ? 'kindReply' : 'kindComment')}</span>}
              {customer ? <TierTag tier={customer.tier} /> : <span className="tier tier-unknown">{t('badgeUnknown')}</span>}
            </span>
            <span className="post-text">{post.text}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
