/**
 * The little Markdown that model cards use (headings, paragraphs, lists, tables, code blocks,
 * `code` and **bold**), parsed into plain data that components turn into React elements: no HTML
 * is ever produced from the text, so nothing in it can run.
 */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong'; children: Inline[] };

export type Align = 'left' | 'right' | 'center' | null;

export type Block =
  | { kind: 'heading'; level: number; content: Inline[] }
  /** Lines kept apart, as the cards write one fact per line. */
  | { kind: 'paragraph'; lines: Inline[][] }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'table'; header: Inline[][]; align: Align[]; rows: Inline[][][] }
  | { kind: 'code'; text: string };

const INLINE = /(`+)([^`]+?)\1|\*\*(.+?)\*\*/g;

export function parseInline(text: string): Inline[] {
  const result: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > last) result.push({ kind: 'text', text: text.slice(last, match.index) });
    if (match[2] !== undefined) result.push({ kind: 'code', text: match[2] });
    else result.push({ kind: 'strong', children: parseInline(match[3] ?? '') });
    last = match.index + match[0].length;
  }
  if (last < text.length) result.push({ kind: 'text', text: text.slice(last) });
  return result;
}

const HEADING = /^(#{1,6})\s+(.*)$/;
const LIST_ITEM = /^\s*[-*+]\s+(.*)$/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const SEPARATOR = /^\s*\|(\s*:?-{3,}:?\s*\|)+\s*$/;
const FENCE = /^\s*```/;

function cells(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

function alignOf(cell: string): Align {
  const left = cell.startsWith(':');
  const right = cell.endsWith(':');
  return left && right ? 'center' : right ? 'right' : left ? 'left' : null;
}

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.trim()) {
      i++;
      continue;
    }
    if (FENCE.test(line)) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !FENCE.test(lines[i]!)) body.push(lines[i++]!);
      i++;
      blocks.push({ kind: 'code', text: body.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]!.length, content: parseInline(heading[2]!.trim()) });
      i++;
      continue;
    }
    if (TABLE_ROW.test(line) && i + 1 < lines.length && SEPARATOR.test(lines[i + 1]!)) {
      const header = cells(line);
      const align = cells(lines[i + 1]!).map(alignOf);
      const rows: Inline[][][] = [];
      i += 2;
      while (i < lines.length && TABLE_ROW.test(lines[i]!)) rows.push(cells(lines[i++]!).map(parseInline));
      blocks.push({ kind: 'table', header: header.map(parseInline), align, rows });
      continue;
    }
    if (LIST_ITEM.test(line)) {
      const items: Inline[][] = [];
      while (i < lines.length && LIST_ITEM.test(lines[i]!)) items.push(parseInline(LIST_ITEM.exec(lines[i++]!)![1]!));
      blocks.push({ kind: 'list', items });
      continue;
    }
    const paragraph: Inline[][] = [];
    while (i < lines.length && lines[i]!.trim() && !HEADING.test(lines[i]!) && !LIST_ITEM.test(lines[i]!) && !FENCE.test(lines[i]!)
      && !(TABLE_ROW.test(lines[i]!) && SEPARATOR.test(lines[i + 1] ?? ''))) {
      paragraph.push(parseInline(lines[i++]!.trim()));
    }
    blocks.push({ kind: 'paragraph', lines: paragraph });
  }
  return blocks;
}
