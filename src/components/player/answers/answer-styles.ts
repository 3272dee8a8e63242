/** The submit button every answer screen shares (same look as the multi-select Submit). */
export const submitButtonClass =
  "shrink-0 rounded-xl bg-white py-3.5 text-xl font-black text-indigo-950 shadow-lg active:scale-[0.98] disabled:bg-white/30 disabled:text-white/70";

/** The big white text field of the phone (same look as the join form's fields). */
export const answerInputClass =
  "w-full rounded-xl border-2 border-white/30 bg-white px-4 py-3 text-2xl font-bold text-indigo-950 placeholder:font-medium placeholder:text-slate-500 focus:border-amber-300 focus:ring-4 focus:ring-amber-300/50 focus:outline-none disabled:opacity-70";
