import { t, type MessageKey } from '@/lib/i18n';
import { LIST_FIELDS, type Confidence, type Mapping } from '@/lib/import/columns';
import { isSite, siteEntry } from '@/lib/sites/lookup';
import { WithContent } from '../Content';

/** How a column's field was chosen, as the view shows it. */
export type Basis = Confidence | 'remembered' | null;

/**
 * What each column of a file fills, one row per column: its header, a few of its values, and the
 * field it is imported as with how sure the guess is. Readable at 60 columns: columns without a
 * value are folded away, and several columns may feed one list field (phones, e-mails, tags,
 * accounts).
 */
export function MappingTable<F extends string>({
  header,
  samples,
  mapping,
  basis,
  fields,
  onChange,
  testId,
}: {
  header: string[];
  samples: string[][];
  mapping: Mapping<F>;
  basis: Basis[];
  fields: readonly F[];
  onChange: (mapping: Mapping<F>, basis: Basis[]) => void;
  testId: string;
}) {
  const choose = (column: number, value: string) => {
    const field = value ? (value as F) : null;
    // A field comes from one column, but for those a file may hold in several (phones, e-mails,
    // tags, accounts): choosing it here frees it elsewhere.
    const single = field !== null && !LIST_FIELDS.has(field);
    const freed = (m: F | null, i: number) => i !== column && single && m === field;
    onChange(
      mapping.map((m, i) => (i === column ? field : freed(m, i) ? null : m)),
      basis.map((b, i) => (i === column || freed(mapping[i]!, i) ? null : b)),
    );
  };
  const columns = header.map((name, i) => ({ name, i, values: samples[i] ?? [] }));
  const filled = columns.filter((c) => c.values.length || mapping[c.i]);
  const empty = columns.filter((c) => !c.values.length && !mapping[c.i]);
  const used = mapping.filter(Boolean).length;

  const row = (c: (typeof columns)[number]) => (
    <tr key={c.i} className={mapping[c.i] ? '' : 'unused'}>
      <th scope="row" className="column-name">
        {c.name ? <span translate="no">{c.name}</span> : t('importUnnamedColumn', c.i + 1)}
      </th>
      <td>
        {c.values.length ? (
          <ul className="samples">
            {c.values.map((v, k) => (
              <li key={k} translate="no">
                {v}
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">{t('importNoValues')}</span>
        )}
      </td>
      <td className="field">
        {/* Named by a hidden sentence, so that the file's column name in it stays marked as the file's. */}
        <span id={`${testId}-field-for-${c.i}`} hidden>
          <WithContent message={(name) => t('importFieldFor', name!)} content={c.name || String(c.i + 1)} />
        </span>
        <select
          aria-labelledby={`${testId}-field-for-${c.i}`}
          data-column={c.i}
          value={mapping[c.i] ?? ''}
          onChange={(e) => choose(c.i, e.target.value)}
        >
          <option value="">{t('importSkipColumn')}</option>
          {fields.map((f) => (
            <option key={f} value={f}>
              {isSite(f) ? t('field_account', siteEntry(f).label) : t(`field_${f}` as MessageKey)}
            </option>
          ))}
        </select>
        {mapping[c.i] && basis[c.i] && (
          <span className={`basis basis-${basis[c.i]}`} data-testid="mapping-basis">
            {t(`importBasis_${basis[c.i]}` as MessageKey)}
          </span>
        )}
      </td>
    </tr>
  );

  return (
    <div className="mapping" data-testid={testId}>
      <table>
        <caption>{t('importMappingSummary', used, header.length)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('importColumnHeader')}</th>
            <th scope="col">{t('importSamplesHeader')}</th>
            <th scope="col">{t('importFieldHeader')}</th>
          </tr>
        </thead>
        <tbody>{filled.map(row)}</tbody>
      </table>
      {empty.length > 0 && (
        <details className="empty-columns">
          <summary>{t('importEmptyColumns', empty.length)}</summary>
          <table>
            <tbody>{empty.map(row)}</tbody>
          </table>
        </details>
      )}
    </div>
  );
}
