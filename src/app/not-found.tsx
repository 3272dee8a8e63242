/**
 * Our own 404 page: Next's built-in one carries an inline <style> without the CSP nonce. A plain link,
 * not next/link: this page is part of every page's tree, so next/link's code would ride along on the
 * phone's /join too.
 */
export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-md flex-col justify-center gap-4 px-4 py-10 text-center">
      <h1 className="text-3xl font-black tracking-tight text-indigo-900">Page not found</h1>
      <p className="text-slate-600">There is nothing at this address. Students join a game from the join page.</p>
      <a href="/join" className="font-semibold text-indigo-700 hover:underline">
        Go to the join page
      </a>
    </main>
  );
}
