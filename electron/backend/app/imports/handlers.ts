import { KomaError } from '../../../../shared/contract';
import type { FeatureHandlers } from '../registry';

// PLACEHOLDER: replaced by the CSV import implementation.
const notYet = () => {
  throw new KomaError('internal', 'CSV import is not built yet');
};
export const importHandlers: FeatureHandlers = {
  'import.preview': notYet,
  'import.start': notYet,
  'import.startSample': notYet,
  'import.status': notYet,
};
