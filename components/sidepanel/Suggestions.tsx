import { Fragment, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { mutate } from '@/lib/db/mutations';
import { templateLearning, threadOf } from '@/lib/db/queries';
import type { Customer, Interaction } from '@/lib/db/types';
import { labelOf, t, uiLanguage, type MessageKey } from '@/lib/i18n';
import { WithContent } from '../Content';
import { sendMessage, type InsertResult } from '@/lib/messaging';
import type { Reading } from '@/lib/reading/classify';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTemplates } from '../useTemplates';
import { privateDetails, type PrivateDetail } from '@/lib/replies/privacy';
import type { RankReason } from '@/lib/replies/rank';
import { suggestFor } from '@/lib/replies';
import { privateInvite, replyContext } from '@/lib/replies/suggest';
import { shownName } from '@/lib/replies/templates-io';
import { OnDeviceDraft } from './OnDeviceDraft';
import { QUEUE_ID, QUEUE_KEYS } from './triage';
import type { Settings } from '@/lib/settings';
import { usePanelStore } from './store';
import { heldByOther, type TeamView } from '@/lib/team/view';

const FAILURE: Record<Exclude<InsertResult, { ok: true }>['reason'], MessageKey> = {
  'post-not-found': 'insertPostNotFound',
  'composer-not-found': 'insertComposerNotFound',
  'not-accepted': 'insertNotAccepted',
  invalid: 'insertFailed',
};

function reasonText(reason: RankReason): ReactNode {
  switch (reason.kind) {
    case 'intent':
      return t('rankIntent', t(`intent_${reason.intent}` as MessageKey));
    case 'lifeEvent':
      return t('rankLifeEvent', t(`lifeEvent_${reason.event}` as MessageKey));
    case 'tone':
      return t('rankTone', t(`tone_${reason.tone}` as MessageKey));
    case 'learned':
      return t('rankLearned', reason.uses);
    case 'product':
      return (
        <WithContent
          message={(item, order) => t('rankProduct', item!, order!)}
          content={[reason.item, reason.orderId]}
        />
      );
    case 'given':
      return (
        <WithContent
          message={(value) => t(reason.what === 'order' ? 'rankGivenOrder' : 'rankGivenEmail', value!)}
          content={reason.value}
        />
      );
    case 'latestOrder':
      return <WithContent message={(order) => t('rankLatestOrder', order!)} content={reason.orderId} />;
    case 'knownOrders':
      return t('rankKnownOrders');
    case 'status': {
      // A status the UI knows is said in its words; any other is the CRM's own word.
      const label = labelOf('orderStatus', reason.status);
      return label ? (
        <WithContent message={(order) => t('rankStatus', order!, label)} content={reason.orderId} />
      ) : (
        <WithContent
          message={(order, status) => t('rankStatus', order!, status!)}
          content={[reason.orderId, reason.status]}
        />
      );
    }
  }
}

export function Suggestions({
  post,
  customer,
  settings,
  tabId,
  pageKeys,
  reading,
  team,
}: {
  post: Interaction;
  customer: Customer | null;
  settings: Settings;
  tabId: number;
  /** The posts of the page the post is on: its thread is among them. */
  pageKeys: readonly string[];
  reading: Reading;
  /** In a team: a post another agent holds asks before a reply goes in. */
  team: TeamView;
}) {
  const templates = useTemplates();
  const learning = useLiveQuery(templateLearning, []);
  const thread = useLiveQuery(() => threadOf(pageKeys, post), [pageKeys, post.site, post.postId]);
  const input = useMemo(
    () => ({
      post: { author: post.author, lang: post.lang, text: post.text },
      thread: thread ?? [],
      customer,
      settings,
      templates,
      reading,
      learning: learning ?? [],
    }),
    [post.author, post.lang, post.text, thread, customer, settings, templates, reading, learning],
  );
  const suggestions = useMemo(() => suggestFor(input), [input]);
  const draftInput = useMemo(() => {
    const { grounding, language, values } = replyContext(input);
    const greetingName = values['greeting.name']?.toString();
    return {
      post: { text: post.text },
      thread: input.thread,
      ...(greetingName && { greetingName }),
      brandName: settings.brandName,
      agentName: settings.agentName,
      brandVoice: settings.brandVoice,
      grounding,
      language,
    };
  }, [input, post.text, settings]);
  const { drafts, setDraft, insertStatus, setInsertStatus } = usePanelStore();
  const [busy, setBusy] = useState(false);
  // A reply about to go public with private details in it waits here for the agent's choice.
  const [pending, setPending] = useState<{
    text: string;
    details: PrivateDetail[];
    templateId: string;
    edited: boolean;
  } | null>(null);

  // The warning takes focus where the agent can see it: on its safe choice, scrolled into view.
  const warning = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!pending) return;
    warning.current?.scrollIntoView({ block: 'nearest' });
    warning.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [pending]);

  // A post another agent is answering waits here for the agent's word before anything goes in.
  const [held, setHeld] = useState<{
    text: string;
    templateId: string;
    edited: boolean;
    agent: string;
  } | null>(null);
  const heldBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!held) return;
    heldBox.current?.scrollIntoView({ block: 'nearest' });
    heldBox.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [held]);

  const tryInsert = async (text: string, templateId: string, edited: boolean, confirmed = false) => {
    setHeld(null);
    // Starting to insert claims the post; a claim another agent holds is asked about first.
    if (!confirmed && team.status.state !== 'off') {
      const outcome = await sendMessage('claimPost', { key: post.key }).catch(() => null);
      const holder = outcome?.kind === 'held' ? outcome.claim : heldByOther(team, post.key);
      if (holder) return setHeld({ text, templateId, edited, agent: holder.agent });
    }
    // What the customer already wrote in public (an order number under the brand's question) is theirs to repeat.
    const published = [
      post.text,
      ...(thread ?? []).filter((p) => p.authorKey === post.authorKey).map((p) => p.text),
    ];
    const details = privateDetails(text, customer, published);
    if (details.length) setPending({ text, details, templateId, edited });
    else void insert(text, templateId, edited);
  };

  const insert = async (text: string, templateId: string, edited: boolean) => {
    setPending(null);
    setBusy(true);
    let result: InsertResult | undefined;
    try {
      result = await sendMessage('insertReply', { postId: post.postId, text }, tabId);
    } catch {
      result = undefined;
    }
    if (result?.ok) {
      const intent = reading.intents[0] ?? 'other';
      // In a team the answer is signed with the agent's name there: colleagues see who answered.
      const by = team.status.agent || settings.agentName || undefined;
      // Both are written before the status says so: a panel closed right after "Inserted" keeps them.
      await Promise.allSettled([
        mutate('recordTemplateUse', { templateId, intent, edited }),
        // The reply is on its way (the agent sends it on the site): record it, answered.
        mutate('recordReply', { key: post.key, text, ...(by && { by }) }),
      ]);
    }
    setBusy(false);
    // The button was disabled while busy, which drops focus: it goes back to the post in the queue.
    document.getElementById(QUEUE_ID)?.focus();
    setInsertStatus({
      postKey: post.key,
      ok: !!result?.ok,
      message: result?.ok ? t('insertDone') : t(result ? FAILURE[result.reason] : 'insertFailed'),
    });
  };

  if (!suggestions.length) return <p className="muted">{t('suggestionsNone')}</p>;
  return (
    <section className="suggestions" id="suggestions" tabIndex={-1} aria-labelledby="suggestions-title">
      <h3 id="suggestions-title">{t('suggestionsTitle')}</h3>
      <OnDeviceDraft
        key={post.key}
        input={draftInput}
        busy={busy}
        onInsert={(text, edited) => void tryInsert(text, 'on-device-draft', edited)}
      />
      {suggestions.map((s, i) => {
        const id = `${post.key}/${s.templateId}`;
        const text = drafts[id] ?? s.text;
        const name = shownName({ id: s.templateId, name: s.name, language: s.language }, uiLanguage());
        return (
          <div key={id} className="suggestion" data-testid="suggestion" data-template={s.templateId}>
            <p className="muted suggestion-name" lang={name.language}>
              {name.name}
            </p>
            {s.reasons.length > 0 && (
              <p className="muted reasons" data-testid="suggestion-reasons">
                {s.reasons.map((r, n) => (
                  <Fragment key={n}>
                    {n > 0 && ' · '}
                    {reasonText(r)}
                  </Fragment>
                ))}
              </p>
            )}
            <textarea
              value={text}
              rows={4}
              maxLength={10_000}
              onChange={(e) => setDraft(id, e.target.value)}
              aria-label={name.name}
              lang={s.language}
            />
            <button
              type="button"
              className="primary"
              data-testid="insert-reply"
              {...(i === 0 && {
                title: t('shortcutTitle', t('insertReply'), QUEUE_KEYS.insert),
                'aria-keyshortcuts': QUEUE_KEYS.insert,
              })}
              disabled={busy || !text.trim()}
              onClick={() => void tryInsert(text, s.templateId, text !== s.text)}
            >
              {t('insertReply')}
            </button>
          </div>
        );
      })}
      {held && (
        <div
          ref={heldBox}
          className="privacy-warning"
          role="alertdialog"
          aria-labelledby="held-title"
          data-testid="held-warning"
        >
          <h4 id="held-title">
            <WithContent message={(agent) => t('insertHeldTitle', agent!)} content={held.agent} />
          </h4>
          <div className="row">
            <button type="button" data-testid="held-cancel" onClick={() => setHeld(null)}>
              <WithContent message={(agent) => t('insertHeldLeave', agent!)} content={held.agent} />
            </button>
            <button
              type="button"
              data-testid="held-insert-anyway"
              onClick={() => void tryInsert(held.text, held.templateId, held.edited, true)}
            >
              {t('insertHeldAnyway')}
            </button>
          </div>
        </div>
      )}
      {pending && (
        <div
          ref={warning}
          className="privacy-warning"
          role="alertdialog"
          aria-labelledby="privacy-warning-title"
          aria-describedby="privacy-warning-text"
          data-testid="privacy-warning"
        >
          <h4 id="privacy-warning-title">{t('privacyTitle')}</h4>
          <p id="privacy-warning-text">
            <WithContent
              message={(...values) =>
                t(
                  'privacyWarning',
                  pending.details
                    .map((d, n) => `${t(`privacyKind_${d.kind}` as MessageKey)} (${values[n]})`)
                    .join(', '),
                )
              }
              content={pending.details.map((d) => d.value)}
            />
          </p>
          <div className="row">
            <button
              type="button"
              className="primary"
              data-testid="use-private-version"
              onClick={() => {
                const invite = privateInvite(post, customer, settings, templates);
                if (invite) void insert(invite.text, invite.templateId, false);
              }}
            >
              {t('privacyUsePrivate')}
            </button>
            <button
              type="button"
              data-testid="insert-anyway"
              onClick={() => void insert(pending.text, pending.templateId, pending.edited)}
            >
              {t('privacyInsertAnyway')}
            </button>
          </div>
        </div>
      )}
      {insertStatus?.postKey === post.key && (
        <p role="status" data-testid="insert-status" className={insertStatus.ok ? 'ok' : 'error'}>
          {insertStatus.message}
        </p>
      )}
    </section>
  );
}
