import { z } from 'zod';
import { appInfoOutput } from './app';
import { callListInput, callListOutput } from './leads';
import { csvFileSchema, importJobSchema, importPreviewOutput, importStartInput } from './imports';

const empty = z.object({}).strict();

function command<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

/**
 * Every renderer→backend command, declared once. The dispatcher, the preload, the HTTP transport
 * and the renderer client are all derived from this map; nothing else lists command names.
 */
export const contract = {
  'app.info': command(empty, appInfoOutput),
  'callList.page': command(callListInput.strict(), callListOutput),
  'import.preview': command(csvFileSchema.strict(), importPreviewOutput),
  'import.start': command(importStartInput.strict(), importJobSchema),
  'import.startSample': command(empty, importJobSchema),
  'import.status': command(z.object({ jobId: z.string().min(1).max(100) }).strict(), importJobSchema),
} as const;

export type Contract = typeof contract;
export type CommandName = keyof Contract;
export type CommandInput<K extends CommandName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends CommandName> = z.output<Contract[K]['input']>;
export type CommandOutput<K extends CommandName> = z.output<Contract[K]['output']>;

export const commandNames = Object.keys(contract) as CommandName[];

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(contract, name);
}

export * from './errors';
