/**
 * A failure of a background writer process as it crosses to the parent (background-process.ts →
 * background.ts): the error's name, message, code, path and stack. With them the CLI's one catch
 * says what went wrong — `lỗi nội bộ (TypeError: …)`, or an incomplete installation — where
 * before Node printed the child's raw stack on the terminal and the parent knew only that the
 * process had exited. `BAOCAO_DEBUG=1` shows the child's stack.
 */
export interface WriterFailure {
  failed: { name: string; message: string; code?: string; path?: string; stack?: string };
}

/** `err`, thrown in the writer process, as a message to its parent. */
export function toFailure(err: unknown): WriterFailure {
  const e = (err instanceof Error ? err : new Error(String(err))) as Error & { code?: unknown; path?: unknown };
  return {
    failed: {
      name: e.name,
      message: e.message,
      ...(typeof e.code === 'string' ? { code: e.code } : {}),
      ...(typeof e.path === 'string' ? { path: e.path } : {}),
      ...(e.stack ? { stack: e.stack } : {}),
    },
  };
}

export function isFailure(message: unknown): message is WriterFailure {
  return typeof message === 'object' && message !== null && 'failed' in message;
}

/** The error the parent throws for a child's failure: the same name, message, code and path. */
export function fromFailure({ failed }: WriterFailure, format: string): Error {
  const e = Object.assign(new Error(failed.message), failed.code ? { code: failed.code } : {}, failed.path ? { path: failed.path } : {});
  e.name = failed.name;
  e.stack = `${failed.stack ?? `${failed.name}: ${failed.message}`}\n    (in the ${format} writer process)`;
  return e;
}
