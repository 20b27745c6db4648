import { describe, expect, it } from 'vitest';
import { checkTeamServer } from './join';
import { permissionPattern, teamOrigin } from './link';

const TOKEN = `ct_${'b'.repeat(43)}`;
const answer = (status: number, body: unknown) => async () =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });

describe('joining a team', () => {
  it('takes https anywhere and plain http only on this machine, as an origin', () => {
    expect(teamOrigin('https://team.example.com/some/path/')).toBe('https://team.example.com');
    expect(teamOrigin(' http://127.0.0.1:8787 ')).toBe('http://127.0.0.1:8787');
    expect(teamOrigin('http://localhost:8787/')).toBe('http://localhost:8787');
    const bad = [
      'http://team.example.com',
      'http://[::1]:8787',
      'ftp://x',
      'team.example.com',
      'javascript:alert(1)',
      '',
    ];
    for (const input of bad) expect(teamOrigin(input), input).toBeNull();
  });

  it('asks Chrome for the one origin, port included, and Firefox for its host (its patterns have no port)', () => {
    expect(permissionPattern('http://127.0.0.1:8787', false)).toBe('http://127.0.0.1:8787/*');
    expect(permissionPattern('http://127.0.0.1:8787', true)).toBe('http://127.0.0.1/*');
    expect(permissionPattern('https://team.example.com', false)).toBe('https://team.example.com/*');
    expect(permissionPattern('https://team.example.com:8443', true)).toBe('https://team.example.com/*');
  });

  it('keeps the link the server vouches for', async () => {
    const me = {
      team: 'Hearth',
      agent: 'Anna',
      agentId: '0190a3b8-1b2c-7d3e-8f40-123456789abc',
      role: 'admin',
      version: 4,
    };
    const outcome = await checkTeamServer(
      'https://t.example',
      TOKEN,
      answer(200, me),
      new Date('2026-12-05T07:00:00Z'),
    );
    expect(outcome).toEqual({
      ok: true,
      link: {
        url: 'https://t.example',
        token: TOKEN,
        team: 'Hearth',
        agent: 'Anna',
        agentId: me.agentId,
        role: 'admin',
        joinedAt: '2026-12-05T07:00:00.000Z',
      },
    });
  });

  it('says what went wrong: refused token, no server, a page that is not a team server', async () => {
    expect(await checkTeamServer('https://t.example', TOKEN, answer(401, { error: 'unauthorized' }))).toEqual(
      { ok: false, problem: 'token-refused' },
    );
    expect(
      await checkTeamServer('https://t.example', TOKEN, () => Promise.reject(new TypeError('failed'))),
    ).toEqual({ ok: false, problem: 'unreachable' });
    for (const garbage of [
      answer(200, '<html>proxy</html>'),
      answer(200, { team: 'x' }),
      answer(500, { error: 'server' }),
    ])
      expect(await checkTeamServer('https://t.example', TOKEN, garbage)).toEqual({
        ok: false,
        problem: 'not-a-server',
      });
  });
});
