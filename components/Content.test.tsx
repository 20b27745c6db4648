import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { WithContent, withCode } from './Content';

describe('UI sentences with customer content in them', () => {
  it('marks each piece of content, in the order the message puts its slots', () => {
    // A language may put the pieces in another order than the code passes them.
    const html = renderToStaticMarkup(
      <WithContent message={(item, order) => `заказ ${order}: ${item}`} content={['Kettle <b>', 'HC-1']} />,
    );
    expect(html).toBe('заказ <span translate="no">HC-1</span>: <span translate="no">Kettle &lt;b&gt;</span>');
  });

  it('keeps text that only looks like a slot as text', () => {
    const html = renderToStaticMarkup(<WithContent message={(v) => `0 1 ${v}`} content="x" />);
    expect(html).toBe('0 1 <span translate="no">x</span>');
  });

  it('shows template tags in help text as code', () => {
    const html = renderToStaticMarkup(<p>{withCode('Write {{customer.firstName}} or {{a | "b"}}.')}</p>);
    expect(html).toBe(
      '<p>Write <code translate="no">{{customer.firstName}}</code> or <code translate="no">{{a | &quot;b&quot;}}</code>.</p>',
    );
  });
});
