// Reads the Yjs document update out of a raw Hocuspocus message, if it carries one.
// Hocuspocus acknowledges an update (the provider's unsyncedChanges count) right after applying
// it, and applies it only once the beforeHandleMessage hook resolves: so the update this returns
// is logged in that hook, before the acknowledgement.
import * as decoding from "lib0/decoding";
import { messageYjsSyncStep2, messageYjsUpdate } from "y-protocols/sync";

// Hocuspocus message types (MessageType in @hocuspocus/server): Sync, and SyncReply which is the same payload.
const SYNC = 0;
const SYNC_REPLY = 4;

export function documentUpdateIn(message: Uint8Array): Uint8Array | null {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type !== SYNC && type !== SYNC_REPLY) return null;
    const syncType = decoding.readVarUint(decoder);
    if (syncType !== messageYjsSyncStep2 && syncType !== messageYjsUpdate) return null;
    const update = decoding.readVarUint8Array(decoder);
    // [0, 0] is the empty update (no structs, empty delete set): a client with nothing new after a sync.
    return update.length <= 2 ? null : update;
  } catch {
    // Not ours to judge: Hocuspocus rejects malformed messages itself.
    return null;
  }
}
