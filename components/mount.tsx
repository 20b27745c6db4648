import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { onCustomersChanged } from '@/lib/db/mutations';
import { sendMessage } from '@/lib/messaging';
import './ui.css';

/** Mounts an extension page in the browser's UI language. */
export function mountApp(app: ReactNode): void {
  document.documentElement.lang = browser.i18n.getUILanguage();
  // The worker tells every tab's badges when customers change here; a worker that is not up
  // yet is woken by the message, and one that cannot answer leaves badges as they were.
  onCustomersChanged(() => void sendMessage('customersChanged', undefined).catch(() => undefined));
  createRoot(document.getElementById('root')!).render(<StrictMode>{app}</StrictMode>);
}
