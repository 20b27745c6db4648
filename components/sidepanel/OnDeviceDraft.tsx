import { useEffect, useRef, useState } from 'react';
import { t, type MessageKey } from '@/lib/i18n';
import {
  builtInAi,
  draftAvailability,
  draftReply,
  type Availability,
  type DraftInput,
} from '@/lib/replies/draft';

type State =
  | { step: 'idle' }
  | { step: 'working'; progress: number | null }
  | { step: 'done'; text: string; used: string[] }
  | { step: 'note'; message: string };

/**
 * A reply drafted by the browser's own model, where it has one: its availability, the download's
 * progress, and the draft, labelled, with what it used. It is only written when the agent asks,
 * dropped if the thread changed meanwhile, and inserted like any suggestion (privacy guard
 * included) only on the agent's click.
 */
export function OnDeviceDraft({
  input,
  busy,
  onInsert,
}: {
  /** What the draft rests on: the post, its thread, the grounding, the brand's voice, the language. */
  input: DraftInput;
  busy: boolean;
  onInsert: (text: string, edited: boolean) => void;
}) {
  const { language } = input;
  const [availability, setAvailability] = useState<Availability | null>(null);
  const [state, setState] = useState<State>({ step: 'idle' });
  const [text, setText] = useState('');
  // The thread as it is now: a draft begun on another thread is dropped.
  const threadNow = useRef('');
  threadNow.current = JSON.stringify([input.post.text, input.thread.map((p) => p.text)]);

  useEffect(() => {
    let live = true;
    void draftAvailability(builtInAi(), language).then((a) => live && setAvailability(a));
    return () => {
      live = false;
    };
  }, [language]);

  if (availability === null) return null;
  if (availability === 'unavailable')
    return (
      <p className="muted" data-testid="draft-unavailable">
        {t('draftUnavailable')}
      </p>
    );

  const write = async () => {
    const began = threadNow.current;
    setState({ step: 'working', progress: availability === 'available' ? null : 0 });
    const result = await draftReply(builtInAi(), input, {
      onProgress: (loaded) => setState({ step: 'working', progress: loaded }),
    });
    if (threadNow.current !== began) return setState({ step: 'note', message: t('draftThreadChanged') });
    if (!result.ok)
      return setState({ step: 'note', message: t(`draftFailed_${result.reason}` as MessageKey) });
    setAvailability('available');
    setText(result.text);
    setState({ step: 'done', text: result.text, used: result.used });
  };

  return (
    <div className="suggestion on-device" data-testid="on-device-draft">
      <p className="muted suggestion-name">{t('draftTitle')}</p>
      {state.step === 'done' ? (
        <>
          <p className="muted reasons" data-testid="draft-used">
            {t('draftUsed', state.used.map((u) => t(`draftUsed_${u}` as MessageKey)).join(', '))}
          </p>
          <textarea
            value={text}
            rows={4}
            maxLength={10_000}
            aria-label={t('draftTitle')}
            onChange={(e) => setText(e.target.value)}
          />
          <div className="row">
            <button
              type="button"
              className="primary"
              data-testid="insert-draft"
              disabled={busy || !text.trim()}
              onClick={() => onInsert(text, text !== state.text)}
            >
              {t('insertReply')}
            </button>
            <button type="button" onClick={() => void write()}>
              {t('draftAgain')}
            </button>
          </div>
        </>
      ) : state.step === 'working' ? (
        <p role="status">
          {state.progress === null ? (
            t('draftWorking')
          ) : (
            <>
              <progress
                value={state.progress}
                max={1}
                aria-label={t('draftDownloading', Math.round(state.progress * 100))}
              />{' '}
              {t('draftDownloading', Math.round(state.progress * 100))}
            </>
          )}
        </p>
      ) : (
        <>
          {state.step === 'note' && (
            <p className="muted" role="status" data-testid="draft-note">
              {state.message}
            </p>
          )}
          <button type="button" data-testid="write-draft" onClick={() => void write()}>
            {availability === 'available' ? t('draftWrite') : t('draftDownloadAndWrite')}
          </button>
        </>
      )}
    </div>
  );
}
