import { describe, expect, it } from 'vitest';
import { listed, selectAll } from './dom-list';

describe('node lists read by index', () => {
  it('keeps every node, in document order', () => {
    document.body.innerHTML = '<p id="a"><b id="b"></b></p><i id="c"></i><b id="d"></b>';
    expect(selectAll(document.body, 'b, i').map((el) => el.id)).toEqual(['b', 'c', 'd']);
    expect(listed(document.body.childNodes).map((n) => (n as Element).id)).toEqual(['a', 'c', 'd']);
  });

  it('is a copy: the page changing afterwards does not change it', () => {
    document.body.innerHTML = '<b></b><b></b>';
    const live = document.body.childNodes;
    const copy = listed(live);
    document.body.append(document.createElement('b'));
    expect(live.length).toBe(3);
    expect(copy).toHaveLength(2);
  });

  it('finds nothing in an empty root', () => {
    document.body.innerHTML = '';
    expect(selectAll(document.body, 'b')).toEqual([]);
  });
});
