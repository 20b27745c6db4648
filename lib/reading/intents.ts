/** What a customer's post may want; the reader, the templates and the agent's corrections share the list. */
export const INTENT_NAMES = [
  'complaint',
  'question',
  'order_status',
  'return_refund',
  'praise',
  'purchase_intent',
  'other',
] as const;

export type Intent = (typeof INTENT_NAMES)[number];
