// Imported keys are kept per secret key, a few of them, for the few credentials a process signs with: importing
// costs more than the HMAC itself (a CryptoKey: an asynchronous job; a KeyObject: a copy and a native object).
const MAX_CACHED_KEYS = 8;

/**
 * `importKey`, remembered for the last few secrets used (the least recently used dropped first, so a process that
 * signs mostly with one key and now and then with many others keeps that one). A key that is a promise and fails
 * is not kept: the next call imports it again. The keys are non-extractable where the runtime allows it, and the
 * map is module-private: nothing here is logged or returned but the key object.
 */
export function cachedKeys<Key>(importKey: (secret: string) => Key): (secret: string) => Key {
  // In the Map's insertion order, least recently used first: a hit moves its key to the end, once the map is full
  // (before then nothing is dropped, so the order does not matter and a hit costs one lookup).
  const keys = new Map<string, Key>();
  return (secret) => {
    let key = keys.get(secret);
    if (key !== undefined) {
      if (keys.size >= MAX_CACHED_KEYS) {
        keys.delete(secret);
        keys.set(secret, key);
      }
      return key;
    }
    key = importKey(secret);
    if (keys.size >= MAX_CACHED_KEYS) keys.delete(keys.keys().next().value!);
    keys.set(secret, key);
    if (key instanceof Promise) {
      const pending = key;
      pending.catch(() => keys.get(secret) === pending && keys.delete(secret));
    }
    return key;
  };
}
