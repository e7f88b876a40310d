import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One request the fake gateway received. */
export interface GatewayRequest {
  authorization: string | undefined;
  contentType: string | undefined;
  raw: string;
  /** `target` and `message`, from JSON or form encoding. */
  fields: Record<string, string>;
}

/** How the fake gateway answers one request: a status and body, or `hang` to never answer. */
export type GatewayAnswer = { status: number; body?: string } | 'hang';

/** A local HTTP server playing an Indonesian WhatsApp gateway. */
export interface FakeGateway {
  url: string;
  requests: GatewayRequest[];
  /** Answers for the next requests, in order; once used up, every request gets 200. */
  answers: GatewayAnswer[];
  close(): Promise<void>;
}

export async function startFakeGateway(): Promise<FakeGateway> {
  const requests: GatewayRequest[] = [];
  const answers: GatewayAnswer[] = [];
  const hanging: ServerResponse[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const contentType = req.headers['content-type'];
      const fields: Record<string, string> = contentType?.includes('json')
        ? (JSON.parse(raw) as Record<string, string>)
        : Object.fromEntries(new URLSearchParams(raw));
      requests.push({ authorization: req.headers.authorization, contentType, raw, fields });
      const answer = answers.shift() ?? { status: 200, body: '{"status":true}' };
      if (answer === 'hang') {
        hanging.push(res);
        return;
      }
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/send`,
    requests,
    answers,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** One email the SMTP server accepted. */
export interface ReceivedMail {
  from: string;
  to: string[];
  user: string | undefined;
  raw: string;
}

/** A real SMTP server on a local port (the `smtp-server` package), keeping what it receives. */
export interface FakeSmtp {
  /** `smtp://user:pass@127.0.0.1:PORT`, as SMTP_URL takes it. */
  url: string;
  mails: ReceivedMail[];
  close(): Promise<void>;
}

export async function startFakeSmtp(): Promise<FakeSmtp> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    // Plain TCP on localhost: the test checks the message, not TLS.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    // An address at this domain does not exist: refused for good, as real servers do with 550.
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith('@nobody.example')) return callback(Object.assign(new Error('No such user here'), { responseCode: 550 }));
      return callback();
    },
    onAuth(auth, _session, callback) {
      if (auth.username === 'antrean' && auth.password === 'secret') return callback(null, { user: auth.username });
      return callback(new Error('bad credentials'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          user: typeof session.user === 'string' ? session.user : undefined,
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://antrean:secret@127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The text of a received mail's body, quoted-printable soft breaks and escapes undone. */
export function mailText(raw: string): string {
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  return body
    .replace(/=\r\n/g, '')
    .replace(/(?:=[0-9A-F]{2})+/g, (m) => Buffer.from(m.replace(/=/g, ''), 'hex').toString('utf8'));
}
