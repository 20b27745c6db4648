import { useState, type ReactNode } from 'react';
import { storageErrorMessage } from '@/lib/db/errors';
import { mutate } from '@/lib/db/mutations';
import type { Customer, Interaction } from '@/lib/db/types';
import { t, type MessageKey } from '@/lib/i18n';
import { INTENT_NAMES, type Reading, type Sentiment } from '@/lib/reading/classify';
import { parseEvidence, type Evidence } from '@/lib/reading/evidence';
import { WithContent } from '../Content';

/** How Concierge read the post: mood, intents, urgency, the words it rests on, and life events to keep. */
export function ReadingView({
  reading,
  post,
  customer,
}: {
  reading: Reading;
  post: Interaction;
  customer: Customer | null;
}) {
  const [added, setAdded] = useState<string[]>([]);
  const [error, setError] = useState('');

  const add = async (event: Reading['lifeEvents'][number]) => {
    if (!customer) return;
    try {
      const date = (post.createdAt ?? post.seenAt).slice(0, 10);
      await mutate('addLifeEvent', {
        customerId: customer.id,
        event: { date, kind: event, text: post.text.slice(0, 300), source: 'post' },
      });
      setAdded([...added, event]);
    } catch (e) {
      setError(storageErrorMessage(e));
    }
  };

  // Remembered on the post: the queue and the suggestions use it from now on.
  const correct = async (correction: NonNullable<Interaction['correction']>) => {
    try {
      await mutate('correctReading', { key: post.key, correction });
    } catch (e) {
      setError(storageErrorMessage(e));
    }
  };

  const known = new Set(customer?.lifeEvents.map((e) => e.kind) ?? []);
  return (
    <section className="reading" data-testid="reading" aria-label={t('readingTitle')}>
      <p className="chips">
        <span className={`chip sentiment-${reading.sentiment}`} data-testid="reading-sentiment">
          {t(`sentiment_${reading.sentiment}` as MessageKey)}
        </span>
        {reading.intents.map((intent) => (
          <span key={intent} className="chip" data-testid="reading-intent">
            {t(`intent_${intent}` as MessageKey)}
          </span>
        ))}
        <span className="chip muted">{t('readingUrgency', Math.round(reading.urgency * 100))}</span>
      </p>
      {reading.evidence.length > 0 && (
        <details className="evidence" data-testid="reading-evidence">
          <summary>{t('readingDetails')}</summary>
          <ul className="muted">
            {reading.evidence.slice(0, 8).map((line) => (
              <li key={line}>{evidenceText(parseEvidence(line))}</li>
            ))}
          </ul>
        </details>
      )}
      {reading.lifeEvents.map((event) => (
        <p key={event} className="life-event" data-testid="post-life-event">
          {t('lifeEventFound', t(`lifeEvent_${event}` as MessageKey))}{' '}
          {customer && !known.has(event) && !added.includes(event) && (
            <button type="button" data-testid="add-life-event-from-post" onClick={() => void add(event)}>
              {t('lifeEventAdd')}
            </button>
          )}
          {added.includes(event) && <span className="ok">{t('lifeEventAdded')}</span>}
        </p>
      ))}
      <details className="correct">
        <summary>{post.correction ? t('readingCorrected') : t('readingCorrect')}</summary>
        <select
          data-testid="correct-sentiment"
          aria-label={t('readingCorrect')}
          value={reading.sentiment}
          onChange={(e) => void correct({ ...post.correction, sentiment: e.target.value as Sentiment })}
        >
          {(['negative', 'neutral', 'positive'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`sentiment_${s}` as MessageKey)}
            </option>
          ))}
        </select>
        {INTENT_NAMES.map((intent) => (
          <label key={intent} className="inline">
            <input
              type="checkbox"
              data-testid={`correct-intent-${intent}`}
              checked={reading.intents.includes(intent)}
              onChange={(e) => {
                const next = e.target.checked
                  ? [...reading.intents, intent]
                  : reading.intents.filter((i) => i !== intent);
                void correct({ ...post.correction, intents: next.length ? next : ['other'] });
              }}
            />
            {t(`intent_${intent}` as MessageKey)}
          </label>
        ))}
      </details>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}

/** One piece of evidence in the UI's words: "asks for: “track my order”", "a warm word: love". */
function evidenceText(e: Evidence): ReactNode {
  const quoting = (label: string, words: string) => (
    <WithContent message={(slot) => t('evidenceIntent', label, slot)} content={words} />
  );
  switch (e.kind) {
    case 'intent':
      return quoting(t(`intent_${e.intent}` as MessageKey), e.words);
    case 'lifeEvent':
      return quoting(t(`lifeEvent_${e.event}` as MessageKey), e.words);
    case 'problem':
      return quoting(t(`problem_${e.problem}` as MessageKey), e.words);
    case 'word':
      return (
        <WithContent
          message={(slot) => t(e.positive ? 'evidenceWarm' : 'evidenceCold', slot)}
          content={e.words}
        />
      );
    case 'learned':
      return t('evidenceLearned');
    case 'orderNumber':
      return <WithContent message={(slot) => t('evidenceOrderNumber', slot)} content={e.value} />;
    case 'product':
      return <WithContent message={(slot) => t('evidenceProduct', slot)} content={e.value} />;
    case 'corrected':
      return t('readingCorrected');
    case 'other':
      return <span translate="no">{e.text}</span>;
  }
}
