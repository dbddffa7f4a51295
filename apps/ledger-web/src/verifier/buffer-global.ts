// The ledger's libraries use Node's Buffer; in the browser the `buffer` package stands in. This
// module is imported before them, so the global exists when their modules first run.
import { Buffer } from 'buffer';

(globalThis as { Buffer?: unknown }).Buffer ??= Buffer;
