import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '@caravan/errors';
import { problem, Problem, PROBLEM_CONTENT_TYPE, problemFor } from './problem';
import { RequestErrors } from './request.errors';
import { RequestValidationError } from './validation';

/** The one place where errors become HTTP responses: every refusal is problem+json. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    // the path, not the query string: a client may have put a secret there
    const body = { ...this.toProblem(exception), instance: request.path };
    if (body.status >= 500) {
      this.logger.error({ err: exception, path: request.path }, 'unhandled error');
    }
    response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof RequestValidationError) {
      return problemFor(RequestErrors.INVALID, 'The request is invalid', {
        detail: exception.message,
        errors: exception.errors,
      });
    }
    if (exception instanceof DomainError) {
      return problemFor(exception, exception.message, {
        errors: exception.field ? [{ field: exception.field, message: exception.message }] : undefined,
      });
    }
    if (exception instanceof HttpException) {
      return this.fromHttpException(exception);
    }
    if (isBodyParserError(exception)) {
      // body too large, unsupported charset or encoding: the client's fault, said plainly
      return problem(exception.status, `REQUEST.${exception.type.replace(/\W+/g, '_').toUpperCase()}`, exception.message);
    }
    return problem(500, 'INTERNAL', 'Internal error');
  }

  private fromHttpException(exception: HttpException): Problem {
    const status = exception.getStatus();
    // Nest turns body-parser's SyntaxError into a bare BadRequestException with its message.
    if (status === HttpStatus.BAD_REQUEST && /JSON/.test(exception.message)) {
      return problemFor(RequestErrors.MALFORMED_JSON, 'The body is not valid JSON', { detail: exception.message });
    }
    return problem(status, `HTTP.${HttpStatus[status] ?? status}`, exception.message);
  }
}

function isBodyParserError(e: unknown): e is Error & { status: number; type: string } {
  const candidate = e as { status?: unknown; type?: unknown };
  return (
    e instanceof Error &&
    typeof candidate.type === 'string' &&
    typeof candidate.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500
  );
}
