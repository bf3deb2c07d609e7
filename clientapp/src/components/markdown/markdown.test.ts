import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './markdown';

describe('markdown', () => {
  it('parses code and bold, leaving anything else as text', () => {
    expect(parseInline('**Files:** `a.onnx` <img src=x onerror=alert(1)>')).toEqual([
      { kind: 'strong', children: [{ kind: 'text', text: 'Files:' }] },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'a.onnx' },
      { kind: 'text', text: ' <img src=x onerror=alert(1)>' },
    ]);
  });

  it('parses headings, paragraphs with their lines, lists and tables', () => {
    const blocks = parseMarkdown([
      '# Model card: fl-lr', '', '**Algorithm:** lr', '**Created:** today', '', '## Limits', '', '- one', '- two `x`', '',
      '| | accuracy | macro-F1 |', '| --- | ---: | ---: |', '| this model | 0.559 | 0.292 |', '', '```', 'raw *text*', '```',
    ].join('\n'));
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'heading', 'list', 'table', 'code']);
    expect(blocks[1]).toMatchObject({ kind: 'paragraph', lines: [[{ kind: 'strong' }, { text: ' lr' }], [{ kind: 'strong' }, { text: ' today' }]] });
    expect(blocks[3]).toMatchObject({ kind: 'list', items: [[{ text: 'one' }], [{ text: 'two ' }, { kind: 'code', text: 'x' }]] });
    expect(blocks[4]).toMatchObject({ kind: 'table', align: [null, 'right', 'right'], rows: [[[{ text: 'this model' }], [{ text: '0.559' }], [{ text: '0.292' }]]] });
    expect(blocks[5]).toEqual({ kind: 'code', text: 'raw *text*' });
  });
});
