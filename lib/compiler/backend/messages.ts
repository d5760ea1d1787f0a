// Runtime error messages raised by generated code itself (the runtime owns the rest).
// Emitted as escaped bytes like every other text, so the C source stays ASCII.
import { cUtf8 } from './escape';

export function uninitialisedGlobalError(): string {
  const ne = cUtf8('यो चलले अहिलेसम्म मान पाएको छैन (यसको घोषणा अझै चलेको छैन)');
  const en = cUtf8('variable used before its declaration ran');
  return `sj_error(${ne.literal}, ${en.literal});`;
}
