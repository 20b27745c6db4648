import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { TeamStatusLine } from './TeamStatusLine';

describe('the team status line', () => {
  it('says when the server refused changes, and nothing of it otherwise', () => {
    // The message's name stands for it: what is checked is which line shows.
    vi.spyOn(browser.i18n, 'getMessage').mockImplementation((name: string) => name);
    vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('en');
    const line = (refused?: number) =>
      renderToStaticMarkup(
        <TeamStatusLine
          team={{
            status: { state: 'online', team: 'Hearth', pending: 0, ...(refused && { refused }) },
            claims: [],
          }}
        />,
      );
    expect(line()).toContain('teamOnline');
    expect(line()).not.toContain('team-refused');
    expect(line(2)).toContain(
      '<p class="team-status error" data-testid="team-refused" role="alert">teamRefused</p>',
    );
    expect(
      renderToStaticMarkup(
        <TeamStatusLine team={{ status: { state: 'off', pending: 0, refused: 2 }, claims: [] }} />,
      ),
    ).toBe('');
  });
});
