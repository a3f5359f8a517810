export type SaveFile = (fileName: string, blob: Blob) => void;

// Chromium reads the blob asynchronously after the click; revoking at once can cancel the download.
const revokeDelayMs = 10_000;

/** Downloads a blob through an object URL and a temporary link: no server round trip, no navigation. */
export const saveFileWithLink: SaveFile = (fileName, blob) => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), revokeDelayMs);
};

/** Excel only reads a UTF-8 CSV as UTF-8 (not Shift_JIS) when it starts with a byte order mark. */
export function csvBlob(csv: string): Blob {
  return new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
}
