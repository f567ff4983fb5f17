export type FaultResponse =
  | { status: 429; retryAfter: number; global?: boolean }
  | { status: 500 | 502 }
  | { status: 403 | 404; code: 50001 | 50013 | 10003 | 50007 };

export interface FaultMatch {
  method?: string;
  /** Tested against the route path without `/api/v10`, e.g. `/channels/123/messages`. */
  path: RegExp | string;
}

interface PlannedFault {
  match: FaultMatch;
  response: FaultResponse;
  remaining: number;
}

/** Failures a test asked for, served before any real handling of the request. */
export class FaultPlan {
  private readonly planned: PlannedFault[] = [];
  delayMs = 0;

  failNext(match: FaultMatch, response: FaultResponse, times = 1): void {
    this.planned.push({ match, response, remaining: times });
  }

  /** The fault to serve for this request, if any; consumes one use of it. */
  take(method: string, path: string): FaultResponse | undefined {
    const fault = this.planned.find(({ match }) => {
      if (match.method && match.method.toUpperCase() !== method) return false;
      return typeof match.path === 'string' ? match.path === path : match.path.test(path);
    });
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.planned.splice(this.planned.indexOf(fault), 1);
    return fault.response;
  }
}
