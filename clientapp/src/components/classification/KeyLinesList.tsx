import type { KeyLine } from '../../api/types';

interface Props {
  lines: KeyLine[];
  /** Shows the line in the log; without it the lines are shown only. */
  onJump?: ((lineNumber: number) => void) | undefined;
}

/** The lines that explain the failure, in log order: number and text, one line each. */
export function KeyLinesList({ lines, onJump }: Props) {
  if (lines.length === 0) return <p className="muted small">No key lines were found in this log.</p>;
  const ordered = [...lines].sort((a, b) => a.lineNumber - b.lineNumber);
  return (
    <ol className="key-lines" aria-label="Key lines">
      {ordered.map((line) => {
        const content = (
          <>
            <span className="key-line-number">{line.lineNumber}</span>
            <code className="key-line-text">{line.text}</code>
          </>
        );
        return (
          <li key={line.lineNumber} title={line.text}>
            {onJump ? (
              <button type="button" className="key-line" onClick={() => onJump(line.lineNumber)} aria-label={`Line ${line.lineNumber}: ${line.text}`}>
                {content}
              </button>
            ) : (
              <div className="key-line">{content}</div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
