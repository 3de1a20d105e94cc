/**
 * A progress line on stderr: on a terminal, one line rewritten in place with \r; otherwise (a pipe, a log
 * file, CI) one plain line per update, so nothing is lost and no control characters end up in the log.
 */
export interface Progress {
  update(text: string): void;
  /** Clears the rewritten line (on a terminal), so the next output starts on a clean line. */
  end(): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) {
    return { update: (text) => void stream.write(`   ${text}\n`), end: () => {} };
  }
  const CLEAR_LINE = "\r\x1b[K";
  return {
    update: (text) => void stream.write(`${CLEAR_LINE}   ${text}`),
    end: () => void stream.write(CLEAR_LINE),
  };
}

/** "page 2 · 311/600 tasks (52%)", the total taken from the list's reported total. */
export function describeProgress(
  label: string,
  page: number,
  seen: number,
  total: number | undefined,
  noun: string,
): string {
  const of = total !== undefined ? `/${total}` : "";
  const percent = total ? ` (${Math.min(100, Math.round((seen / total) * 100))}%)` : "";
  return `${label}: page ${page} · ${seen}${of} ${noun}${percent}`;
}
