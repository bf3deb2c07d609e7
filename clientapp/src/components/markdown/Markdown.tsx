import { Fragment, useMemo } from 'react';
import { parseMarkdown, type Block, type Inline } from './markdown';
import { TableScroll } from '../TableScroll';

function Inlines({ content }: { content: Inline[] }) {
  return (
    <>
      {content.map((part, i) => {
        if (part.kind === 'code') return <code key={i}>{part.text}</code>;
        if (part.kind === 'strong') return <strong key={i}><Inlines content={part.children} /></strong>;
        return <Fragment key={i}>{part.text}</Fragment>;
      })}
    </>
  );
}

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case 'heading': {
      // The card's own headings sit under the page's: h3 and below.
      const Tag = (['h3', 'h4', 'h5', 'h6', 'h6', 'h6'] as const)[block.level - 1] ?? 'h6';
      return <Tag><Inlines content={block.content} /></Tag>;
    }
    case 'paragraph':
      return <p>{block.lines.map((line, i) => <Fragment key={i}>{i > 0 && <br />}<Inlines content={line} /></Fragment>)}</p>;
    case 'list':
      return <ul>{block.items.map((item, i) => <li key={i}><Inlines content={item} /></li>)}</ul>;
    case 'code':
      return <pre><code>{block.text}</code></pre>;
    case 'table':
      return (
        <TableScroll label="Table">
          <table className="compact-table">
            <thead><tr>{block.header.map((cell, i) => <th key={i} style={{ textAlign: block.align[i] ?? 'left' }}><Inlines content={cell} /></th>)}</tr></thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>{row.map((cell, i) => <td key={i} style={{ textAlign: block.align[i] ?? 'left' }}><Inlines content={cell} /></td>)}</tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      );
  }
}

/** Markdown rendered as React elements, never as HTML. */
export function Markdown({ source }: { source: string }) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  return <div className="markdown">{blocks.map((block, i) => <BlockView key={i} block={block} />)}</div>;
}
