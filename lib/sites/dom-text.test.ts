import { describe, expect, it } from 'vitest';
import { readableText } from './dom-text';

const block = (html: string): Element => {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
};

const links = {
  skip: '[role="button"]',
  linkText: (link: Element) =>
    link.getAttribute('href')?.startsWith('https://l.') ? 'https://shop.example/a' : null,
};

describe('readable text', () => {
  it('reads plain text as the browser concatenates it, white space collapsed', () => {
    expect(readableText(block('  Hello,\n  <b>world</b>  '))).toBe('Hello, world');
  });

  it('reads emoji images as their alt, line breaks as spaces, and leaves out scripts, styles and icons', () => {
    const el = block(
      'Love it <img alt="😍" src="x.png"><br>second line<script>evil()</script><style>p{}</style><svg><text>icon</text></svg> end',
    );
    expect(readableText(el)).toBe('Love it 😍 second line end');
  });

  it('drops decorative ellipses hidden from readers, but keeps hidden text that says something', () => {
    const el = block(
      'https://shop.example/very<span aria-hidden="true">…</span> and <span aria-hidden="true">more</span>',
    );
    expect(readableText(el)).toBe('https://shop.example/very and more');
  });

  it('leaves out what it is told to skip and reads links as it is told, other links as shown', () => {
    const el = block(
      'See <a href="https://l.facebook.com/l.php?u=x">shop.example/…</a>, ask <a href="/mei">Mei <img alt="🌿"></a>, <a>no href</a><div role="button">See more</div>',
    );
    expect(readableText(el, links)).toBe('See https://shop.example/a, ask Mei 🌿, no href');
    expect(readableText(el)).toBe('See shop.example/…, ask Mei 🌿, no hrefSee more');
  });

  it('applies the rules to nested elements and to the block itself', () => {
    const el = block(
      '<p>a <span role="button">skip me <img alt="x"></span> b <span><img alt="🙂"></span></p>',
    );
    expect(readableText(el, links)).toBe('a b 🙂');
    const hidden = block('<span aria-hidden="true">…</span>');
    expect(readableText(hidden.firstElementChild!.parentElement!)).toBe('');
    const image = document.createElement('img');
    image.setAttribute('alt', '🎉');
    const wrapper = block('');
    wrapper.append(image);
    expect(readableText(wrapper)).toBe('🎉');
    const button = block('<span role="button">See more <img alt="🙂"></span>').firstElementChild!;
    expect(readableText(button, links)).toBe('');
  });
});
