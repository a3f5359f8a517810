import type { CommandOutput } from '../../../shared/contract';
import type { KomaClient } from '../api/client';
import type { SaveFile } from '../lib/saveFile';

type ExportFile = CommandOutput<'handoff.export'>;

/** A file the backend wrote (CSV already carries its BOM) saved as the rep's download. */
export function saveExportFile(saveFile: SaveFile, file: ExportFile): string {
  saveFile(file.fileName, new Blob([file.content], { type: file.mimeType }));
  return file.fileName;
}

/** The handoff's appointment as an .ics download; resolves to the file's name. */
export async function downloadHandoffIcs(client: KomaClient, saveFile: SaveFile, handoffId: string): Promise<string> {
  return saveExportFile(saveFile, await client.invoke('handoff.exportIcs', { handoffId }));
}
