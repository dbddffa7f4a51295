import { useId, useState, type DragEvent } from 'react';

/** A file chooser that also takes a dropped file; the file is read here, never uploaded. */
export function FileDrop(props: {
  label: string;
  hint: string;
  accept: string;
  onText: (name: string, text: string) => void;
  chosen?: string;
}) {
  const id = useId();
  const [over, setOver] = useState(false);
  const read = async (file: File | undefined): Promise<void> => {
    if (file) props.onText(file.name, await file.text());
  };
  const onDrop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setOver(false);
    void read(e.dataTransfer.files[0]);
  };
  return (
    <div
      className={over ? 'drop over' : 'drop'}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <label htmlFor={id}>
        <strong>{props.label}</strong>
      </label>
      <p className="hint">{props.hint}</p>
      <input
        id={id}
        type="file"
        accept={props.accept}
        onChange={(e) => void read(e.target.files?.[0])}
      />
      {props.chosen && <p>Chosen: {props.chosen}</p>}
    </div>
  );
}
