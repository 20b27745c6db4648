import { useState } from 'react';
import { saveCustomer } from '@/lib/db/customers';
import { storageErrorMessage } from '@/lib/db/errors';
import { db } from '@/lib/db/schema';
import type { Customer, Interaction } from '@/lib/db/types';
import { t, type MessageKey } from '@/lib/i18n';
import type { Reading } from '@/lib/replies/classify';

/** How Concierge read the post: mood, intents, urgency, the words it rests on, and life events to keep. */
export function ReadingView({ reading, post, customer }: { reading: Reading; post: Interaction; customer: Customer | null }) {
  const [added, setAdded] = useState<string[]>([]);
  const [error, setError] = useState('');

  const add = async (event: Reading['lifeEvents'][number]) => {
    if (!customer) return;
    try {
      const date = (post.createdAt ?? post.seenAt).slice(0, 10);
      await saveCustomer(db(), { ...customer, lifeEvents: [...customer.lifeEvents, { date, kind: event, text: post.text.slice(0, 300), source: 'post' }] });
      setAdded([...added, event]);
    } catch (e) {
      setError(storageErrorMessage(e));
    }
  };

  const known = new Set(customer?.lifeEvents.map((e) => e.kind) ?? []);
  return (
    <section className="reading" data-testid="reading" aria-label={t('readingTitle')}>
      <p className="chips">
        <span className={`chip sentiment-${reading.sentiment}`} data-testid="reading-sentiment">{t(`sentiment_${reading.sentiment}` as MessageKey)}</span>
        {reading.intents.map((intent) => (
          <span key={intent} className="chip" data-testid="reading-intent">{t(`intent_${intent}` as MessageKey)}</span>
        ))}
        <span className="chip muted">{t('readingUrgency', Math.round(reading.urgency * 100))}</span>
      </p>
      {reading.evidence.length > 0 && (
        <p className="muted evidence">{t('readingEvidence')}: {reading.evidence.slice(0, 6).join(' · ')}</p>
      )}
      {reading.lifeEvents.map((event) => (
        <p key={event} className="life-event" data-testid="post-life-event">
          {t('lifeEventFound', t(`lifeEvent_${event}` as MessageKey))}{' '}
          {customer && !known.has(event) && !added.includes(event) && (
            <button type="button" data-testid="add-life-event-from-post" onClick={() => void add(event)}>{t('lifeEventAdd')}</button>
          )}
          {added.includes(event) && <span className="ok">{t('lifeEventAdded')}</span>}
        </p>
      ))}
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  );
}
