import { useId } from 'react';
import type { KeyLine } from '../../api/schemas';
import { bestFirst, keyLineBlock } from './keyLines';

interface Props {
  lines: readonly KeyLine[];
  /** Shows a line in the log; without it the lines are shown only. */
  onJump?: ((line: KeyLine) => void) | undefined;
}

/** The lines that show why the log failed: the best one first, big and plain, then the others, smaller. */
export function KeyLines({ lines, onJump }: Props) {
  const [best, ...others] = bestFirst(lines);
  if (!best) return <p className="muted small">No key lines were found in this log.</p>;
  return (
    <div className="key-lines-block">
      <BestLine line={best} onJump={onJump} />
      {others.length > 0 && <OtherLines lines={others} onJump={onJump} />}
    </div>
  );
}

function BestLine({ line, onJump }: { line: KeyLine; onJump: Props['onJump'] }) {
  const { start, end } = keyLineBlock(line);
  const heading = useId();
  return (
    <section className="best-line" aria-labelledby={heading}>
      <header className="best-line-head">
        <h3 id={heading}>Key line</h3>
        <span className="best-line-where">
          Line {line.lineNumber}{end > start && <span className="muted"> · block {start}–{end}</span>}
        </span>
        {onJump && <button type="button" className="button secondary small" onClick={() => onJump(line)}>Show in log</button>}
      </header>
      <code className="best-line-text">{line.text}</code>
    </section>
  );
}

function OtherLines({ lines, onJump }: { lines: KeyLine[]; onJump: Props['onJump'] }) {
  return (
    <section className="other-lines">
      <h3>Other lines</h3>
      <ol className="key-lines" aria-label="Other lines">
        {lines.map((line) => {
          const content = (
            <>
              <span className="key-line-number">{line.lineNumber}</span>
              <code className="key-line-text">{line.text}</code>
            </>
          );
          return (
            <li key={line.lineNumber} title={line.text}>
              {onJump ? (
                <button type="button" className="key-line" onClick={() => onJump(line)} aria-label={`Line ${line.lineNumber}: ${line.text}`}>
                  {content}
                </button>
              ) : (
                <div className="key-line">{content}</div>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
