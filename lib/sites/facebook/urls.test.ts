import { describe, expect, it } from 'vitest';
import { parseCommentHref, parsePostHref, parseProfileHref, unwrapOutbound } from './urls';

const O = 'https://www.facebook.com';

describe('Facebook links', () => {
  it('reads post permalinks of every shape, dropping tracking parameters', () => {
    expect(parsePostHref('/hearthandco/posts/pfbid0abc?__cft__[0]=AZ&__tn__=%2CO', O)).toEqual({
      id: 'pfbid0abc',
      url: `${O}/hearthandco/posts/pfbid0abc`,
    });
    expect(parsePostHref('/permalink.php?story_fbid=123&id=456&__tn__=x', O)).toEqual({
      id: '123',
      url: `${O}/permalink.php?story_fbid=123&id=456`,
    });
    expect(parsePostHref('/story.php?story_fbid=pfbid0x&id=9', O)?.id).toBe('pfbid0x');
    expect(parsePostHref('/groups/bakers/posts/777/', O)).toEqual({
      id: '777',
      url: `${O}/groups/bakers/posts/777/`,
    });
    expect(parsePostHref('/groups/bakers/permalink/778/', O)?.id).toBe('778');
    expect(parsePostHref('/photo/?fbid=55&set=a.1', O)).toEqual({ id: '55', url: `${O}/photo/?fbid=55` });
    expect(parsePostHref('/reel/991', O)?.id).toBe('991');
    expect(parsePostHref('/hearthandco/videos/31337/', O)?.id).toBe('31337');
    expect(
      parsePostHref('https://web.facebook.com/hearthandco/posts/1', 'https://web.facebook.com')?.url,
    ).toBe('https://web.facebook.com/hearthandco/posts/1');
  });

  it('refuses what is not a permalink', () => {
    for (const href of [
      '/hearthandco',
      '/groups/bakers/',
      '/hearthandco/posts/',
      'https://evil.example/x/posts/1',
      'javascript:alert(1)',
      '/x/posts/a%22b',
      '/permalink.php?id=4',
    ]) {
      expect(parsePostHref(href, O), href).toBeNull();
    }
  });

  it('reads comment and reply ids, numeric and base64', () => {
    expect(parseCommentHref('/p/posts/1?comment_id=22&__cft__=x', O)).toEqual({
      id: '22',
      post: { id: '1', url: `${O}/p/posts/1` },
    });
    expect(parseCommentHref('/p/posts/1?comment_id=22&reply_comment_id=33', O)).toMatchObject({
      id: '33',
      parentId: '22',
    });
    const b64 = encodeURIComponent(btoa('comment:1_4455'));
    expect(parseCommentHref(`/jane?comment_id=${b64}`, O)).toEqual({ id: '4455', post: null });
    expect(parseCommentHref('/p/posts/1', O)).toBeNull();
  });

  it('reads profiles: vanity names, profile.php, group members, /people/; never site pages', () => {
    expect(parseProfileHref('/lorena.willis.77?comment_id=1&__cft__[0]=AZ', O)).toEqual({
      handle: 'lorena.willis.77',
      url: `${O}/lorena.willis.77`,
    });
    expect(parseProfileHref('/profile.php?id=100012345678901&__tn__=R', O)).toEqual({
      handle: '',
      id: '100012345678901',
      url: `${O}/profile.php?id=100012345678901`,
    });
    expect(parseProfileHref('/groups/bakers/user/100004567890123/?__cft__=1', O)).toEqual({
      handle: '',
      id: '100004567890123',
      url: `${O}/groups/bakers/user/100004567890123/`,
    });
    expect(parseProfileHref('/people/Tom%C3%A1s-Rivera/100023456789012/', O)).toMatchObject({
      handle: '',
      id: '100023456789012',
    });
    for (const href of [
      '/groups/bakers/',
      '/watch/',
      '/hashtag/tea',
      '/hearthandco/posts/1',
      '/profile.php?id=abc',
      'https://l.facebook.com/l.php?u=x',
      'https://evil.example/jane',
    ]) {
      expect(parseProfileHref(href, O), href).toBeNull();
    }
  });

  it('reads unusual links as a browser would (the quick reader hands them to the URL parser)', () => {
    expect(parseProfileHref('/a/../lorena.willis.77', O)?.handle).toBe('lorena.willis.77');
    expect(parseProfileHref('https://www.facebook.com@evil.example/jane', O)).toBeNull();
    expect(parseProfileHref('//evil.example/jane', O)).toBeNull();
    expect(parseProfileHref('HTTPS://WWW.FACEBOOK.COM/jane.doe#x', O)).toEqual({
      handle: 'jane.doe',
      url: `${O}/jane.doe`,
    });
    expect(parseCommentHref('/p/posts/1?a=%ZZ&comment_id=5', O)).toMatchObject({ id: '5' });
    expect(parsePostHref('/p/posts/pfbid0a?story_fbid=%E0%A4%A', O)?.id).toBe('pfbid0a');
  });

  it('unwraps outbound links to http(s) only', () => {
    expect(unwrapOutbound('https://l.facebook.com/l.php?u=https%3A%2F%2Fshop.example%2Fa%3Fb%3D1&h=AT')).toBe(
      'https://shop.example/a?b=1',
    );
    expect(unwrapOutbound('https://l.facebook.com/l.php?u=javascript%3Aalert(1)')).toBeNull();
    expect(unwrapOutbound('https://evil.example/l.php?u=https%3A%2F%2Fa.example')).toBeNull();
    expect(unwrapOutbound('/hearthandco')).toBeNull();
  });

  it('reads a link the same however often it is asked, on whichever page', () => {
    const href = '/hearthandco/posts/pfbid0abc?comment_id=42';
    for (let i = 0; i < 3; i++) expect(parsePostHref(href, O)?.url).toBe(`${O}/hearthandco/posts/pfbid0abc`);
    expect(parsePostHref(href, 'https://web.facebook.com')?.url).toBe(
      'https://web.facebook.com/hearthandco/posts/pfbid0abc',
    );
    expect(parseCommentHref(href, O)).toEqual({
      id: '42',
      post: { id: 'pfbid0abc', url: `${O}/hearthandco/posts/pfbid0abc` },
    });
    // Past what is kept, links are read afresh, and alike.
    for (let i = 0; i < 2500; i++) parseProfileHref(`/person.${i}`, O);
    expect(parseProfileHref('/person.7', O)?.handle).toBe('person.7');
    const long = `/hearthandco/posts/${'9'.repeat(90)}?x=${'a'.repeat(1000)}`;
    expect(parsePostHref(long, O)?.id).toBe('9'.repeat(90));
    expect(parsePostHref(long, O)?.id).toBe('9'.repeat(90));
  });

  it('reads query parameters as a browser does: encoded names, plus signs, bare and empty pairs', () => {
    const queries = [
      'story_fbid=5&id=6',
      'id=6&&story_fbid=5',
      'story%5Ffbid=5&id=6',
      '%73tory_fbid=5',
      'story_fbid&story_fbid=5',
      'story_fbid_x=4&story_fbid=5',
      'xstory_fbid=4&story_fbid=5',
      'story_fbid=5=6&id=7',
      'story_fbid=&id=7',
      'story_fbid=%35',
    ];
    for (const query of queries) {
      const params = new URLSearchParams(query);
      const story = params.get('story_fbid');
      const owner = params.get('id');
      const expected = story && /^[A-Za-z0-9_-]+$/.test(story) ? story : null;
      expect(parsePostHref(`/permalink.php?${query}`, O)?.id ?? null, query).toBe(expected);
      if (expected)
        expect(parsePostHref(`/permalink.php?${query}`, O)?.url, query).toBe(
          `${O}/permalink.php?story_fbid=${expected}${owner && /^[A-Za-z0-9_-]+$/.test(owner) ? `&id=${owner}` : ''}`,
        );
    }
    expect(unwrapOutbound('https://l.facebook.com/l.php?h=AT&u=https%3A%2F%2Fshop.example%2Fa+b')).toBeNull();
    expect(unwrapOutbound('https://l.facebook.com/l.php?h=AT&u=https%3A%2F%2Fshop.example%2Fab')).toBe(
      'https://shop.example/ab',
    );
  });
});
