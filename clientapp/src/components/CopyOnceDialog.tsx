import { useEffect, useRef, useState, type ReactNode } from 'react';

interface Props {
  title: string;
  secret: string;
  onClose: () => void;
  /** What to do with the secret, shown under it. */
  children?: ReactNode;
}

/** Shows a secret exactly once, with a copy button; closing it forgets the secret. */
export function CopyOnceDialog({ title, secret, onClose, children }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal?.();
    return () => element?.close?.();
  }, []);

  const copy = async () => {
    await navigator.clipboard?.writeText(secret);
    setCopied(true);
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="copy-once-title" onCancel={onClose} open>
      <h2 id="copy-once-title">{title}</h2>
      <p className="muted">Copy it now: Faultline will not show it again.</p>
      <div className="secret">
        <code data-testid="new-secret">{secret}</code>
        <button type="button" className="button secondary" onClick={copy}>{copied ? 'Copied' : 'Copy'}</button>
      </div>
      {children}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>I have stored it</button>
      </div>
    </dialog>
  );
}
