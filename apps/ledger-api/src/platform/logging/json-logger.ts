import type { LoggerService } from '@nestjs/common';
import type { LogLevel } from '../../config/ledger-config';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/**
 * Structured logs, one JSON object per line on stdout, so a log shipper needs no parsing
 * rules. Also serves as Nest's logger, so framework messages share the format.
 */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly level: LogLevel,
    private readonly write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
  ) {}

  enabled(level: Exclude<LogLevel, 'silent'>): boolean {
    return RANK[level] >= RANK[this.level];
  }

  logEvent(
    level: Exclude<LogLevel, 'silent'>,
    msg: string,
    fields: Record<string, unknown> = {},
  ): void {
    if (!this.enabled(level)) return;
    this.write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }));
  }

  log(message: unknown, context?: string): void {
    this.logEvent('info', String(message), context ? { context } : {});
  }
  error(message: unknown, stack?: string, context?: string): void {
    this.logEvent('error', String(message), { stack, context });
  }
  warn(message: unknown, context?: string): void {
    this.logEvent('warn', String(message), context ? { context } : {});
  }
  debug(message: unknown, context?: string): void {
    this.logEvent('debug', String(message), context ? { context } : {});
  }
  verbose(message: unknown, context?: string): void {
    this.debug(message, context);
  }
}
