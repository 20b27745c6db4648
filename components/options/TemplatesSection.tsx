import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { download } from '../download';
import { newCustomer } from '@/lib/db/customers';
import { storageErrorMessage } from '@/lib/db/errors';
import { SAMPLE_CUSTOMERS } from '@/lib/db/sample';
import type { Grounding } from '@/lib/replies/grounding';
import { mutate } from '@/lib/db/mutations';
import { savedTemplates } from '@/lib/db/queries';
import { LIFE_EVENT_KINDS, type LifeEventKind } from '@/lib/db/types';
import { languageName, t, uiLanguage, type MessageKey } from '@/lib/i18n';
import { INTENT_NAMES } from '@/lib/reading/classify';
import type { ReplyTemplate } from '@/lib/replies/defaults';
import { render } from '@/lib/replies/template';
import {
  deletedShipped,
  exportTemplates,
  isShipped,
  parseTemplates,
  requiresOf,
  shipsId,
  shownName,
  templateProblems,
} from '@/lib/replies/templates-io';
import { KNOWN_VARIABLES, templateValues } from '@/lib/replies/values';
import { withCode } from '../Content';
import { useTemplates } from '../useTemplates';

const SAMPLE = newCustomer(SAMPLE_CUSTOMERS[0]!);
/** The preview fills every variable: a post about the sample's first item, its order number given. */
const SAMPLE_ORDER = SAMPLE.orders[0];
const SAMPLE_GROUNDING: Grounding = {
  brandReplies: [],
  asks: [],
  ...(SAMPLE_ORDER && {
    order: SAMPLE_ORDER,
    item: SAMPLE_ORDER.items[0]?.name,
    orderBy: 'item' as const,
    givenOrderId: SAMPLE_ORDER.id,
  }),
};
const TONES: ReplyTemplate['tone'][] = ['warm', 'formal', 'apologetic', 'gentle'];

/** The team's reply templates: list, create, edit, delete, import and export. */
export function TemplatesSection() {
  const templates = useTemplates();
  const deleted = useLiveQuery(async () => deletedShipped(await savedTemplates()), []) ?? [];
  const [editing, setEditing] = useState<ReplyTemplate | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string; lines?: string[] } | null>(null);
  // Dozens of shipped templates in two languages: a team that answers in one looks at that one.
  const [language, setLanguage] = useState('');
  const languages = [...new Set(templates.map((tpl) => tpl.language))];
  const shown = language ? templates.filter((tpl) => tpl.language === language) : templates;

  const run = async (action: () => Promise<void>, done: string) => {
    try {
      await action();
      setMessage({ ok: true, text: done });
    } catch (error) {
      setMessage({ ok: false, text: storageErrorMessage(error) });
    }
  };

  if (editing) {
    return (
      <section className="block">
        <h2>{t('templatesTitle')}</h2>
        <TemplateForm
          template={editing}
          onCancel={() => setEditing(null)}
          onSave={(template) =>
            void run(async () => {
              await mutate('saveTemplate', { template });
              setEditing(null);
            }, t('templateSaved'))
          }
        />
      </section>
    );
  }

  return (
    <section className="block" data-testid="templates">
      <h2>{t('templatesTitle')}</h2>
      <div className="actions">
        <button
          type="button"
          data-testid="template-new"
          onClick={() =>
            setEditing({
              id: `custom-${crypto.randomUUID().slice(0, 8)}`,
              name: '',
              language: 'en',
              intents: [],
              tone: 'warm',
              body: '',
              requires: [],
            })
          }
        >
          {t('templatesNew')}
        </button>
        <button
          type="button"
          data-testid="templates-export"
          onClick={() => download('concierge-templates.json', exportTemplates(templates), 'application/json')}
        >
          {t('templatesExport')}
        </button>
        {deleted.length > 0 && (
          <button
            type="button"
            data-testid="templates-restore-deleted"
            onClick={() =>
              void run(
                () => mutate('restoreTemplates', { ids: deleted.map((d) => d.id) }),
                t('templatesRestored'),
              )
            }
          >
            {t('templatesRestoreDeleted', deleted.length)}
          </button>
        )}
        <label className="file">
          {t('templatesImport')}
          <input
            type="file"
            accept=".json,application/json"
            data-testid="templates-import"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              void file.text().then((text) => {
                const parsed = parseTemplates(text);
                if (!parsed.ok)
                  return setMessage({ ok: false, text: t('templatesImportFailed'), lines: parsed.problems });
                void run(
                  () => mutate('importTemplates', { templates: parsed.templates }),
                  t('templatesImported', parsed.templates.length),
                );
              });
            }}
          />
        </label>
      </div>
      {message && (
        <div role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok' : 'error'}>
          {message.text}
          {message.lines && (
            <ul>
              {message.lines.map((l, i) => (
                <li key={i}>{l}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {languages.length > 1 && (
        <label>
          {t('templatesLanguage')}{' '}
          <select
            data-testid="templates-language"
            value={language}
            onChange={(e) => setLanguage(e.target.value)}
          >
            <option value="">{t('templatesAllLanguages', templates.length)}</option>
            {languages.map((code) => (
              <option key={code} value={code}>
                {languageName(code)} ({templates.filter((tpl) => tpl.language === code).length})
              </option>
            ))}
          </select>
        </label>
      )}
      <table data-testid="template-table">
        <tbody>
          {shown.map((tpl) => {
            const name = shownName(tpl, uiLanguage());
            return (
              <tr key={tpl.id}>
                <td lang={name.language}>{name.name}</td>
                <td className="muted nowrap">
                  {languageName(tpl.language)}
                  {isShipped(tpl) && <> · {t('templateBuiltIn')}</>}
                </td>
                <td className="muted">{tpl.intents.map((i) => t(`intent_${i}` as MessageKey)).join(', ')}</td>
                <td className="nowrap">
                  <button type="button" data-testid="template-edit" onClick={() => setEditing(tpl)}>
                    {t('customersEdit')}
                  </button>
                  <button
                    type="button"
                    data-testid="template-delete"
                    onClick={() => {
                      if (confirm(t('templateDeleteConfirm', name.name)))
                        void run(() => mutate('deleteTemplate', { id: tpl.id }), '');
                    }}
                  >
                    {t('templateDelete')}
                  </button>
                  {shipsId(tpl.id) && !isShipped(tpl) && (
                    <button
                      type="button"
                      data-testid="template-restore"
                      onClick={() =>
                        void run(() => mutate('restoreTemplates', { ids: [tpl.id] }), t('templatesRestored'))
                      }
                    >
                      {t('templateRestore')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function TemplateForm({
  template,
  onSave,
  onCancel,
}: {
  template: ReplyTemplate;
  onSave: (t: ReplyTemplate) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState(template);
  const problems = templateProblems(draft.body);
  const values = templateValues(
    { author: { handle: 'lorenawillis', displayName: 'Lorena Willis', profileUrl: '' } },
    SAMPLE,
    { agentName: 'Sam', brandName: 'Hearth & Co.' },
    SAMPLE_GROUNDING,
    draft.language,
  );
  const preview = render(draft.body, values, KNOWN_VARIABLES).text;
  const toggle = <T,>(list: readonly T[] | undefined, value: T, on: boolean): T[] =>
    on ? [...(list ?? []), value] : (list ?? []).filter((x) => x !== value);

  return (
    <form
      className="editor card"
      data-testid="template-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (draft.name.trim() && draft.body.trim())
          onSave({ ...draft, name: draft.name.trim(), requires: requiresOf(draft.body) });
      }}
    >
      <label>
        {t('templateName')}
        <input
          name="name"
          maxLength={120}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
      </label>
      <div className="row">
        <label>
          {t('templateLanguage')}
          <select
            name="language"
            value={draft.language}
            onChange={(e) => setDraft({ ...draft, language: e.target.value })}
          >
            {/* Each language in its own words, as language pickers do. */}
            <option value="en" lang="en">
              English
            </option>
            <option value="ru" lang="ru">
              Русский
            </option>
          </select>
        </label>
        <label>
          {t('templateTone')}
          <select
            name="tone"
            value={draft.tone}
            onChange={(e) => setDraft({ ...draft, tone: e.target.value as ReplyTemplate['tone'] })}
          >
            {TONES.map((tone) => (
              <option key={tone} value={tone}>
                {t(`tone_${tone}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset>
        <legend>{t('templateIntents')}</legend>
        {INTENT_NAMES.map((intent) => (
          <label key={intent} className="inline">
            <input
              type="checkbox"
              data-testid={`template-intent-${intent}`}
              checked={draft.intents.includes(intent)}
              onChange={(e) =>
                setDraft({ ...draft, intents: toggle(draft.intents, intent, e.target.checked) })
              }
            />
            {t(`intent_${intent}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('templateLifeEvents')}</legend>
        {LIFE_EVENT_KINDS.map((kind) => (
          <label key={kind} className="inline">
            <input
              type="checkbox"
              checked={draft.lifeEvents?.includes(kind) ?? false}
              onChange={(e) =>
                setDraft({
                  ...draft,
                  lifeEvents: toggle<LifeEventKind>(draft.lifeEvents, kind, e.target.checked),
                })
              }
            />
            {t(`lifeEvent_${kind}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      <label className="inline">
        <input
          type="checkbox"
          checked={draft.cheerful ?? false}
          onChange={(e) => setDraft({ ...draft, cheerful: e.target.checked })}
        />
        {t('templateCheerful')}
      </label>
      <p className="muted">{withCode(t('templatesHelp'))}</p>
      <label>
        {t('templateBody')}
        <textarea
          name="body"
          rows={5}
          maxLength={5000}
          value={draft.body}
          onChange={(e) => setDraft({ ...draft, body: e.target.value })}
        />
      </label>
      {problems.length > 0 && (
        <div role="alert" className="error" data-testid="template-problems">
          {t('templateProblems')}
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="muted">{t('templatePreview')}</p>
      <blockquote className="post-quote" data-testid="template-preview" lang={draft.language}>
        {preview}
      </blockquote>
      <div className="row">
        <button
          type="submit"
          className="primary"
          data-testid="template-save"
          disabled={!draft.name.trim() || !draft.body.trim()}
        >
          {t('editSave')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('editClose')}
        </button>
      </div>
    </form>
  );
}
