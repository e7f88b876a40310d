import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const DEPLOY = fileURLToPath(new URL('../../deploy/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'antrean-deploy-'));

/** Runs a program; `missing` when it is not installed. */
function run(program: string, args: string[]): Promise<{ code: number; out: string } | 'missing'> {
  return new Promise((resolve) => {
    execFile(program, args, { cwd: dir }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') return resolve('missing');
      resolve({ code: error ? Number(error.code ?? 1) : 0, out: `${stdout}${stderr}` });
    });
  });
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the deployment files', () => {
  it('has a systemd unit that systemd-analyze verifies', async (ctx) => {
    const unit = join(dir, 'antrean.service');
    // verify checks that ExecStart's program exists: this machine's node, wherever it is installed.
    writeFileSync(unit, readFileSync(join(DEPLOY, 'antrean.service'), 'utf8').replace('/usr/bin/node ', `${process.execPath} `));
    const result = await run('systemd-analyze', ['verify', unit]);
    if (result === 'missing') {
      console.log('skipped: systemd-analyze is not installed');
      return ctx.skip();
    }
    // verify also reports unrelated units of the machine it runs on: only ours counts.
    expect(result.out.split('\n').filter((l) => l.includes('antrean.service'))).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('has an nginx site that nginx -t accepts, with a self-signed certificate in place of the real one', async (ctx) => {
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    const made = await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=antrean.example.go.id', '-keyout', key, '-out', cert]);
    if (made === 'missing') {
      console.log('skipped: openssl is not installed');
      return ctx.skip();
    }
    expect(made.code).toBe(0);
    const site = readFileSync(join(DEPLOY, 'nginx-antrean.conf'), 'utf8')
      .replace(/ssl_certificate\s+\S+;/, `ssl_certificate ${cert};`)
      .replace(/ssl_certificate_key\s+\S+;/, `ssl_certificate_key ${key};`);
    writeFileSync(join(dir, 'site.conf'), site);
    // A whole nginx configuration around the site, every path of its own in the temporary folder.
    writeFileSync(
      join(dir, 'nginx.conf'),
      `pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events {}
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/site.conf;
}
`,
    );
    const result = await run('nginx', ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')]);
    if (result === 'missing') {
      console.log('skipped: nginx is not installed');
      return ctx.skip();
    }
    expect(result.out).toContain('test is successful');
    expect(result.code).toBe(0);
  });

  it('sets X-Forwarded-For to the address nginx saw, never passing on the one a client wrote', () => {
    const site = readFileSync(join(DEPLOY, 'nginx-antrean.conf'), 'utf8');
    expect(site).toMatch(/proxy_set_header X-Forwarded-For \$remote_addr;/);
    expect(site).not.toContain('$proxy_add_x_forwarded_for');
  });
});
