/** Button looks shared by the library's actions. */
export const SECONDARY_BUTTON =
  "rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-semibold text-slate-700 hover:border-indigo-500 hover:text-indigo-700 disabled:opacity-50";
export const PRIMARY_BUTTON =
  "rounded-lg bg-indigo-700 px-4 py-2 font-bold text-white hover:bg-indigo-800 disabled:cursor-not-allowed disabled:bg-slate-400";
export const DANGER_BUTTON = "rounded-lg bg-red-700 px-3 py-2 text-sm font-bold text-white hover:bg-red-800 disabled:opacity-50";
