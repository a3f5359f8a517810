import type { CommandName, CommandOutput, ParsedInput } from '../../../shared/contract';
import type { ReadCommand } from '../../../shared/contract/access';
import type { BackendContext, ReadContext } from './context';

/**
 * A handler's context shows where it runs (shared/contract/access.ts): a read gets a reader's
 * read-only connection, a write the writer's.
 */
export type ContextOf<K extends CommandName> = K extends ReadCommand ? ReadContext : BackendContext;

export type Handler<K extends CommandName> = (
  input: ParsedInput<K>,
  ctx: ContextOf<K>,
) => CommandOutput<K> | Promise<CommandOutput<K>>;

export type HandlerMap = { [K in CommandName]: Handler<K> };

/** One feature module's handlers: a part of the map, typed against the contract. */
export type FeatureHandlers = Partial<HandlerMap>;

/**
 * Joins the feature modules into the full map; a name claimed twice or a command nobody handles
 * is a programming error caught at start-up, not a silent gap at run time.
 */
export function registerHandlers(contractNames: readonly CommandName[], ...features: FeatureHandlers[]): HandlerMap {
  const map: Partial<Record<CommandName, unknown>> = {};
  for (const feature of features) {
    for (const [name, handler] of Object.entries(feature) as [CommandName, unknown][]) {
      if (map[name]) throw new Error(`Handler for "${name}" registered twice`);
      map[name] = handler;
    }
  }
  const missing = contractNames.filter((name) => !map[name]);
  if (missing.length > 0) throw new Error(`No handler for: ${missing.join(', ')}`);
  return map as HandlerMap;
}
