/**
 * Why a credential source gave nothing. Messages name the source, the variable, file or URL and what was
 * missing or wrong — never a value read from it, since values there are secrets.
 */
export class CredentialsError extends Error {
  override readonly name: string = "CredentialsError";
  constructor(
    /** The source that failed, e.g. `environment`, `profile /home/me/.huaweicloud/credentials`. */
    readonly source: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${source}: ${message}`, options);
  }
}

/** Every source of a chain failed; `tried` says, in order, which ones and why each gave nothing. */
export class CredentialsChainError extends CredentialsError {
  override readonly name = "CredentialsChainError";
  constructor(readonly tried: readonly { readonly source: string; readonly reason: string }[]) {
    const lines = tried.map(({ source, reason }, index) => `  ${index + 1}. ${source}: ${reason}`);
    super("credential chain", `no credentials found; tried in order:\n${lines.join("\n")}`);
  }
}

/** The reason a provider failed, without its source prefix, for the chain's list. */
export function reasonOf(error: unknown): string {
  if (error instanceof CredentialsError) {
    const prefix = `${error.source}: `;
    return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
