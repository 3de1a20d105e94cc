/**
 * Run by default-chain.test.ts inside a network namespace that has only loopback: calls the real default
 * chain (metadata at 169.254.169.254, unreachable there) and prints what it answered, secrets aside.
 */
import { defaultChain } from "../../src/credentials/node.js";

try {
  const credentials = await defaultChain()();
  console.log(JSON.stringify({ credentials }));
} catch (error) {
  console.log(JSON.stringify({ error: { name: (error as Error).name, message: (error as Error).message } }));
}
