import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import './ui.css';

/** Mounts an extension page in the browser's UI language. */
export function mountApp(app: ReactNode): void {
  document.documentElement.lang = browser.i18n.getUILanguage();
  createRoot(document.getElementById('root')!).render(<StrictMode>{app}</StrictMode>);
}
