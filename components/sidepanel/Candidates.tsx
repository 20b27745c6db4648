import { useEffect, useState } from 'react';
import { identityFrom } from '@/lib/db/identity';
import { mutate } from '@/lib/db/mutations';
import { storageErrorMessage } from '@/lib/db/errors';
import type { Interaction } from '@/lib/db/types';
import { t, tierLabel, type MessageKey } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import type { NamedCandidate } from '@/lib/background/candidates';
import { AddCustomerForm } from './AddCustomerForm';

/**
 * For an author who is no customer yet: customers with a resembling name, each with how alike
 * and why, to confirm (the account joins the customer) or reject (never offered again). Only when
 * there are none, or the agent says it is none of them, is the author offered as a new customer:
 * a duplicate is then never one click away.
 */
export function Candidates({ post }: { post: Interaction }) {
  const [candidates, setCandidates] = useState<NamedCandidate[] | null>(null);
  const [noneOfThese, setNoneOfThese] = useState(false);
  const [error, setError] = useState('');

  useEffect(() => {
    let live = true;
    setCandidates(null);
    sendMessage('nameCandidates', { authorKey: post.authorKey, displayName: post.author.displayName })
      .then((found) => live && setCandidates(found))
      .catch(() => live && setCandidates([]));
    return () => {
      live = false;
    };
  }, [post.authorKey, post.author.displayName]);

  if (!candidates) return null;
  if (!candidates.length || noneOfThese) return <AddCustomerForm post={post} />;

  const confirm = async (candidate: NamedCandidate) => {
    try {
      const identity = identityFrom(post.site, post.author.handle, 'confirmed', post.author.id);
      await mutate('linkAccount', { customerId: candidate.customerId, identity });
    } catch (e) {
      setError(storageErrorMessage(e));
    }
  };

  const reject = async (candidate: NamedCandidate) => {
    try {
      await mutate('rejectCandidate', { authorKey: post.authorKey, customerId: candidate.customerId });
      setCandidates(candidates.filter((c) => c.customerId !== candidate.customerId));
    } catch (e) {
      setError(storageErrorMessage(e));
    }
  };

  return (
    <section className="card candidates" data-testid="candidates">
      <h2>{t('candidatesTitle')}</h2>
      <p className="muted">{t('candidatesHelp')}</p>
      <ul>
        {candidates.map((c) => (
          <li key={c.customerId} data-testid="candidate">
            <strong translate="no">{c.name}</strong>{' '}
            <span className={`tier tier-${c.tier}`}>{tierLabel(c.tier)}</span>
            <span className="muted">
              {' '}
              · {t('candidateScore', Math.round(c.score * 100))} · {t(`reason_${c.reason}` as MessageKey)}
            </span>
            <div className="row">
              <button
                type="button"
                className="primary"
                data-testid="confirm-candidate"
                onClick={() => void confirm(c)}
              >
                {t('candidateConfirm')}
              </button>
              <button type="button" data-testid="reject-candidate" onClick={() => void reject(c)}>
                {t('candidateReject')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <button type="button" data-testid="none-of-these" onClick={() => setNoneOfThese(true)}>
        {t('candidatesNone')}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
