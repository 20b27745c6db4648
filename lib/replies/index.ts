/**
 * Replies: the one way in. `suggestFor` reads the post, grounds it in its thread and the
 * customer's profile, and returns the template suggestions, best first, each with its text, its
 * language and why it was chosen. Beside the post, the thread, the customer, the settings and the
 * time, it takes the team's templates (the built-in set by default), how the post was read and
 * what the agent chose before.
 */
import type { ThreadPost } from './grounding';
import { suggestReplies, type SuggestInput, type Suggestion } from './suggest';

export type { Suggestion } from './suggest';
export type { ThreadPost } from './grounding';

export function suggestFor(input: SuggestInput & { thread: readonly ThreadPost[] }): Suggestion[] {
  return suggestReplies(input);
}
