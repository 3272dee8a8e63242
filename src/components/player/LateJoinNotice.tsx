import { ClockIcon } from "@/components/shared/icons";

/** For a phone that joined while a question was already open: it plays from the next one. */
export function LateJoinNotice({ title, detail }: { title: string; detail?: string }) {
  return (
    <div data-testid="late-join-notice" className="animate-pop-in flex flex-col items-center gap-3 px-6 text-center">
      <span className="flex size-16 items-center justify-center rounded-full bg-white text-indigo-950">
        <ClockIcon className="size-9" />
      </span>
      <h1 className="text-2xl font-black">{title}</h1>
      {detail && <p className="text-lg text-indigo-100">{detail}</p>}
    </div>
  );
}
