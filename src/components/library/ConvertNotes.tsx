/** What an import or export could not carry over, each with its row or line. */
export function ConvertNotes({ notes, heading, empty }: { notes: { row?: number; line?: number; message: string }[]; heading: string; empty: string }) {
  if (notes.length === 0) return <p className="text-slate-600">{empty}</p>;
  return (
    <div data-testid="convert-notes" className="rounded-xl bg-amber-50 p-3 text-amber-950">
      <p className="font-semibold">{heading}</p>
      <ul className="mt-1 list-disc pl-5">
        {notes.map((note, index) => (
          <li key={index} data-testid="convert-note">
            {note.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
