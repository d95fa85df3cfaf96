import { expect, test } from './fixtures';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDatabase, seedDatabase, startInstance, type Instance } from './server-instance';

const NGINX = '/usr/sbin/nginx';

function nginxConfig(dir: string, listen: number, upstreams: number[]): string {
  return `
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream academy { ${upstreams.map((p) => `server 127.0.0.1:${p};`).join(' ')} }
  server {
    listen 127.0.0.1:${listen};
    location / {
      proxy_pass http://academy;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      add_header X-Upstream $upstream_addr always;
    }
  }
}`;
}

test('two stateless instances behind nginx share one database: log in through one, continue through the other', async ({ page }) => {
  // Seeding hashes every demo password with argon2: slow on a busy machine.
  test.setTimeout(120_000);
  expect(existsSync(NGINX), 'nginx is not installed: apt-get install -y nginx (.ci/run does this)').toBe(true);
  const database = freshDatabase();
  seedDatabase(database.url);
  const instances: Instance[] = [await startInstance(4483, database.url), await startInstance(4484, database.url)];
  const dir = mkdtempSync(join(tmpdir(), 'academy-nginx-'));
  writeFileSync(join(dir, 'nginx.conf'), nginxConfig(dir, 4485, [4483, 4484]));
  const check = spawnSync(NGINX, ['-t', '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
  expect(check.status, check.stderr).toBe(0);
  const nginx = spawn(NGINX, ['-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
  try {
    await expect.poll(async () => (await fetch('http://127.0.0.1:4485/healthz').catch(() => null))?.status, { timeout: 10_000 }).toBe(200);
    const servedBy = new Set<string>();
    page.on('response', (r) => {
      const upstream = r.headers()['x-upstream'];
      if (upstream && r.request().resourceType() === 'document') servedBy.add(upstream);
    });
    await page.goto('http://127.0.0.1:4485/login?lang=zh');
    await page.getByLabel('工作邮箱').fill('he.tao@demo.academy');
    await page.getByLabel('密码').fill('xueyuan-demo-2026');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('何涛');
    for (let i = 0; i < 4; i++) {
      await page.goto('http://127.0.0.1:4485/zh/courses/');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('课程目录');
    }
    // Round robin sent the signed-in pages to both instances, and both knew the session.
    expect([...servedBy].sort()).toEqual(['127.0.0.1:4483', '127.0.0.1:4484']);
  } finally {
    nginx.kill('SIGTERM');
    await Promise.all(instances.map((i) => i.stop()));
  }
});
