import { useLiveQuery } from 'dexie-react-hooks';
import { savedTemplates } from '@/lib/db/queries';
import { DEFAULT_TEMPLATES, type ReplyTemplate } from '@/lib/replies/defaults';
import { teamTemplates } from '@/lib/replies/templates-io';

/** The team's templates, or the default set until the team first changes it. */
export function useTemplates(): readonly ReplyTemplate[] {
  return useLiveQuery(async () => teamTemplates(await savedTemplates()), []) ?? DEFAULT_TEMPLATES;
}
