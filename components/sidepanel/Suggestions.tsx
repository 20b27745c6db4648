import { useMemo, useState } from 'react';
import type { Customer, Interaction } from '@/lib/db/types';
import { t, type MessageKey } from '@/lib/i18n';
import { sendMessage, type InsertResult } from '@/lib/messaging';
import { DEFAULT_TEMPLATES } from '@/lib/replies/defaults';
import { suggestReplies } from '@/lib/replies/suggest';
import type { Settings } from '@/lib/settings';
import { usePanelStore } from './store';

const FAILURE: Record<Exclude<InsertResult, { ok: true }>['reason'], MessageKey> = {
  'post-not-found': 'insertPostNotFound',
  'composer-not-found': 'insertComposerNotFound',
  'not-accepted': 'insertNotAccepted',
  invalid: 'insertFailed',
};

export function Suggestions({ post, customer, settings, tabId }: { post: Interaction; customer: Customer | null; settings: Settings; tabId: number }) {
  const suggestions = useMemo(
    () => suggestReplies({ author: post.author, lang: post.lang, text: post.text }, customer, settings, DEFAULT_TEMPLATES),
    [post, customer, settings],
  );
  const { drafts, setDraft, insertStatus, setInsertStatus } = usePanelStore();
  const [busy, setBusy] = useState(false);

  const insert = async (text: string) => {
    setBusy(true);
    let result: InsertResult | undefined;
    try {
      result = await sendMessage('insertReply', { postId: post.postId, text }, tabId);
    } catch {
      result = undefined;
    }
    setBusy(false);
    setInsertStatus({
      postKey: post.key,
      ok: !!result?.ok,
      message: result?.ok ? t('insertDone') : t(result ? FAILURE[result.reason] : 'insertFailed'),
    });
  };

  if (!suggestions.length) return <p className="muted">{t('suggestionsNone')}</p>;
  return (
    <section className="suggestions">
      <h3>{t('suggestionsTitle')}</h3>
      {suggestions.map((s) => {
        const id = `${post.key}/${s.templateId}`;
        const text = drafts[id] ?? s.text;
        return (
          <div key={id} className="suggestion" data-testid="suggestion" data-template={s.templateId}>
            <p className="muted suggestion-name">{s.name}</p>
            <textarea value={text} rows={4} maxLength={10_000} onChange={(e) => setDraft(id, e.target.value)} aria-label={s.name} />
            <button type="button" className="primary" data-testid="insert-reply" disabled={busy || !text.trim()} onClick={() => void insert(text)}>
              {t('insertReply')}
            </button>
          </div>
        );
      })}
      {insertStatus?.postKey === post.key && (
        <p role="status" data-testid="insert-status" className={insertStatus.ok ? 'ok' : 'error'}>{insertStatus.message}</p>
      )}
    </section>
  );
}
