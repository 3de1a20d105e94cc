/**
 * The error answers of the stand-in server. The engine decides the kind of error and its status; each service
 * module gives the code, message and body shape its real service uses (its `ErrorStyle`, e.g.
 * services/hss/errors.ts).
 */
export interface ErrorAnswer {
  status: number;
  body: Record<string, string>;
}

const STATUS = {
  invalidParameter: 400,
  invalidQuery: 400,
  unparsable: 400,
  unauthorized: 401,
  forbidden: 403,
  noSuchApi: 404,
  internal: 500,
} as const;

export type ErrorKind = keyof typeof STATUS;

/** How one service words its errors. */
export interface ErrorStyle {
  /** Documented code and message for each kind of error. */
  readonly codes: Readonly<Record<ErrorKind, readonly [code: string, message: string]>>;
  /** The code of an injected fault whose status no kind has. */
  injectedCode(status: number): string;
  /** The service's common error body. */
  body(code: string, message: string): Record<string, string>;
}

/** The answer for one kind of error; `detail` (never a secret) is appended to the message. */
export function errorAnswer(style: ErrorStyle, kind: ErrorKind, detail?: string): ErrorAnswer {
  const [code, message] = style.codes[kind];
  return { status: STATUS[kind], body: style.body(code, detail ? `${message} ${detail}` : message) };
}

/** The default body of an injected fault: the documented code for the status when there is one. */
export function injectedErrorAnswer(style: ErrorStyle, status: number): ErrorAnswer {
  const kind = (Object.keys(STATUS) as ErrorKind[]).find((k) => STATUS[k] === status);
  if (kind) return errorAnswer(style, kind, "(injected fault)");
  return { status, body: style.body(style.injectedCode(status), `Injected fault: HTTP ${status}.`) };
}
