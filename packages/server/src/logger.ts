// Structured logs with no personal data: requests are logged by method, route and id only
// (no query strings, bodies, cookies or addresses), and error messages never carry records.
import pino, { type DestinationStream, type Logger } from 'pino';

/** @param destination - where to write; standard output when absent (tests pass a sink). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: ['req.headers', 'req.body', 'res.headers', '*.password', '*.cookie'], remove: true },
    serializers: {
      req: (req: { method: string; url: string; id: string; routeOptions?: { url?: string } }) => ({
        id: req.id, method: req.method, route: req.routeOptions?.url ?? req.url.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
