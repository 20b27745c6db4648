import { useLiveQuery } from 'dexie-react-hooks';
import { savedTemplates } from '@/lib/db/queries';
import { DEFAULT_TEMPLATES, type ReplyTemplate } from '@/lib/replies/defaults';

/** The team's templates, or the default set until the team first changes it. */
export function useTemplates(): readonly ReplyTemplate[] {
  return (
    useLiveQuery(async () => {
      const saved = await savedTemplates();
      return saved.length ? saved : DEFAULT_TEMPLATES;
    }, []) ?? DEFAULT_TEMPLATES
  );
}
