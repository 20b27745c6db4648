import { Fragment } from 'react';

/**
 * A UI sentence with the customer's own words in it (an item, an order number, an address).
 * Those words are marked `translate="no"`: a page translator leaves them alone, and the check for
 * untranslated UI text skips them. `message` gets one slot per piece of content, in order.
 */
export function WithContent({
  message,
  content,
}: {
  message: (...slots: string[]) => string;
  content: string | readonly string[];
}) {
  const pieces = typeof content === 'string' ? [content] : content;
  // Private-use characters: the browser's getMessage drops NUL, and no message holds these.
  const slot = (n: number) => `\uE000${n}\uE001`;
  const parts = message(...pieces.map((_, n) => slot(n))).split(/\uE000(\d+)\uE001/);
  // split() with a group alternates: text, slot number, text, slot number, …
  return (
    <>
      {parts.map((part, n) =>
        n % 2 ? (
          <span key={n} translate="no">
            {pieces[Number(part)]}
          </span>
        ) : (
          <Fragment key={n}>{part}</Fragment>
        ),
      )}
    </>
  );
}

/** A help text with template tags in it ("Write {{customer.firstName}}…"): the tags shown as code. */
export function withCode(text: string) {
  return text.split(/(\{\{[^}]*\}\})/).map((part, n) =>
    n % 2 ? (
      <code key={n} translate="no">
        {part}
      </code>
    ) : (
      <Fragment key={n}>{part}</Fragment>
    ),
  );
}
