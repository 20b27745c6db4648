import { t, type MessageKey } from '@/lib/i18n';
import { LIST_FIELDS, type Mapping } from '@/lib/import/columns';
import { isSite, siteEntry } from '@/lib/sites/lookup';

/** The columns of a file with a few rows, and what each column fills; the user can change it. */
export function MappingTable<F extends string>({
  header,
  rows,
  mapping,
  fields,
  onChange,
  testId,
}: {
  header: string[];
  rows: string[][];
  mapping: Mapping<F>;
  fields: readonly F[];
  onChange: (mapping: Mapping<F>) => void;
  testId: string;
}) {
  const choose = (column: number, value: string) => {
    const field = value ? (value as F) : null;
    // A field comes from one column, but for those a file may hold in several (phones, e-mails,
    // tags, accounts): choosing it here frees it elsewhere.
    const single = field !== null && !LIST_FIELDS.has(field);
    onChange(mapping.map((m, i) => (i === column ? field : single && m === field ? null : m)));
  };
  return (
    <div className="mapping" data-testid={testId}>
      <table>
        <thead>
          <tr>
            {header.map((h, i) => (
              <th key={i} scope="col">
                <div className="column-name">{h || '—'}</div>
                <select
                  aria-label={h}
                  data-column={i}
                  value={mapping[i] ?? ''}
                  onChange={(e) => choose(i, e.target.value)}
                >
                  <option value="">{t('importSkipColumn')}</option>
                  {fields.map((f) => (
                    <option key={f} value={f}>
                      {isSite(f) ? t('field_account', siteEntry(f).label) : t(`field_${f}` as MessageKey)}
                    </option>
                  ))}
                </select>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {header.map((_, i) => (
                <td key={i} className={mapping[i] ? '' : 'muted'}>
                  {(row[i] ?? '').slice(0, 80)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
