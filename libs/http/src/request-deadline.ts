import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { PROBLEM_CONTENT_TYPE, problemFor } from './problem';
import { HttpErrors } from './request.errors';

/**
 * Every request must have arrived whole `seconds` after its headers did, or it is answered
 * 408 and its connection closed. Node's own `requestTimeout` looks only every 30 s, and a
 * body trickled a byte at a time escapes it altogether (seen on Node 20: a 100-byte body at a
 * byte per 300 ms was taken whole after 30 s with a 2 s timeout), so a slow client could hold
 * a socket and a spooled upload for as long as it liked.
 */
export function enforceRequestDeadline(server: Server, seconds: number): void {
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const deadline = setTimeout(() => {
      if (request.complete) return; // arrived; the answer may take its time
      if (response.headersSent) return void request.socket.destroy();
      const body = problemFor(HttpErrors.REQUEST_TIMEOUT, `the request did not arrive whole within ${seconds} s`);
      response.writeHead(408, { 'content-type': PROBLEM_CONTENT_TYPE, connection: 'close' });
      response.end(JSON.stringify(body), () => request.socket.destroy());
    }, seconds * 1000);
    deadline.unref();
    response.once('close', () => clearTimeout(deadline));
  });
}
