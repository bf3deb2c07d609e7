interface Props {
  editing: boolean;
  saving: boolean;
  onEdit: () => void;
  onSave: () => void;
  onCancel: () => void;
}

export function EditorActions({ editing, saving, onEdit, onSave, onCancel }: Props) {
  if (!editing) return <button type="button" className="button secondary small" onClick={onEdit}>Edit dashboard</button>;
  return (
    <div className="links">
      <button type="button" className="button secondary small" onClick={onCancel} disabled={saving}>Cancel</button>
      <button type="button" className="button small" onClick={onSave} disabled={saving}>{saving ? 'Saving…' : 'Save'}</button>
    </div>
  );
}
