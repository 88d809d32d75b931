/** Saves a Blob as a file through a same-origin blob: URL (nothing leaves the machine; a large Blob is not copied). */
export const saveBlob = (blob: Blob, fileName: string) => {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};

/** Saves text as a file through a same-origin blob: URL (nothing leaves the machine). */
export const downloadText = (text: string, fileName: string, type: string) => saveBlob(new Blob([text], { type }), fileName);
