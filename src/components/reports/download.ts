/** Saves text files in the browser: a Blob, an object URL and a click on a hidden <a download>. */
export async function downloadTextFiles(files: { fileName: string; content: string }[]): Promise<void> {
  for (const [position, file] of files.entries()) {
    // Browsers drop downloads started in the same instant; give each its own moment.
    if (position > 0) await new Promise((resolve) => setTimeout(resolve, 400));
    const type = file.fileName.toLowerCase().endsWith(".csv") ? "text/csv;charset=utf-8" : "text/plain;charset=utf-8";
    const url = URL.createObjectURL(new Blob([file.content], { type }));
    const link = document.createElement("a");
    link.href = url;
    link.download = file.fileName;
    link.style.display = "none";
    document.body.appendChild(link);
    link.click();
    link.remove();
    // Revoke later: some browsers read the URL after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
}
