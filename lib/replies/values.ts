import { firstName, lastOrder } from '../db/customers';
import type { Customer } from '../db/types';
import type { SocialPost } from '../post';
import type { Settings } from '../settings';
import type { TemplateValues } from './template';

/** Every variable a template may use; `preference.<key>` takes any key of the profile. */
export const KNOWN_VARIABLES: ReadonlySet<string> = new Set([
  'customer.firstName',
  'customer.name',
  'customer.tier',
  'order.id',
  'order.item',
  'order.date',
  'order.daysSince',
  'order.status',
  'author.name',
  'author.handle',
  'agent.name',
  'brand.name',
]);

const DAY = 86_400_000;

export function templateValues(
  post: Pick<SocialPost, 'author'>,
  customer: Customer | null,
  settings: Pick<Settings, 'agentName' | 'brandName'>,
  now = Date.now(),
): TemplateValues {
  const values: TemplateValues = {
    'author.name': post.author.displayName,
    'author.handle': post.author.handle,
    'agent.name': settings.agentName,
    'brand.name': settings.brandName,
  };
  if (!customer) return values;
  values['customer.firstName'] = firstName(customer);
  values['customer.name'] = customer.name;
  values['customer.tier'] = customer.tier;
  const order = lastOrder(customer);
  if (order) {
    values['order.id'] = order.id;
    values['order.item'] = order.items[0]?.name;
    values['order.date'] = order.date;
    values['order.status'] = order.status;
    const days = Math.floor((now - Date.parse(order.date)) / DAY);
    if (Number.isFinite(days) && days >= 0) values['order.daysSince'] = days;
  }
  for (const [key, value] of Object.entries(customer.preferences)) values[`preference.${key}`] = value;
  return values;
}
