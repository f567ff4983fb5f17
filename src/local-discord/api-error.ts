/** An error Discord would answer with: HTTP status plus its JSON error code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: unknown,
  ) {
    super(message);
  }

  toJson() {
    return {
      message: this.message,
      code: this.code,
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

const MESSAGES: Record<number, string> = {
  0: 'Not Found',
  10003: 'Unknown Channel',
  10004: 'Unknown Guild',
  10007: 'Unknown Member',
  10008: 'Unknown Message',
  10011: 'Unknown Role',
  10013: 'Unknown User',
  10015: 'Unknown Webhook',
  10062: 'Unknown interaction',
  40060: 'Interaction has already been acknowledged.',
  40033: 'This message has already been crossposted.',
  50001: 'Missing Access',
  50005: 'Cannot edit a message authored by another user',
  50006: 'Cannot send an empty message',
  50007: 'Cannot send messages to this user',
  50013: 'Missing Permissions',
  50024: 'Cannot execute action on this channel type',
  50033: 'Invalid Recipient(s)',
  50035: 'Invalid Form Body',
};

/** The error Discord returns for a known JSON error code. */
export function discordError(status: number, code: number, errors?: unknown): ApiError {
  return new ApiError(status, code, MESSAGES[code] ?? `Error ${code}`, errors);
}
