import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const SOURCE = __dirname;

export interface FakeS3 {
  readonly endpoint: string;
  readonly bucket: string;
  stop(): void;
}

/** Builds test/s3 (gofakes3 through the Go module proxy) once per source version into a cache folder. */
function buildFakeS3(): string {
  const hash = createHash('sha256')
    .update(['go.mod', 'go.sum', 'main.go'].map((file) => readFileSync(join(SOURCE, file), 'utf8')).join('\n'))
    .digest('hex')
    .slice(0, 12);
  const cache = process.env.FAKES3_CACHE ?? join(homedir(), '.cache', 'lapor-fakes3');
  const binary = join(cache, `fakes3-${hash}`);
  if (existsSync(binary)) return binary;
  mkdirSync(cache, { recursive: true });
  execFileSync('go', ['build', '-o', binary, '.'], { cwd: SOURCE, stdio: 'pipe', timeout: 600_000 });
  return binary;
}

/** Why the S3 tests cannot run here (no Go toolchain), or undefined. */
export function fakeS3Unavailable(): string | undefined {
  try {
    execFileSync('go', ['version'], { stdio: 'pipe' });
    return undefined;
  } catch {
    return 'no Go toolchain on PATH to build the fake S3 server (test/s3)';
  }
}

/** Starts the fake S3 server on a free loopback port with an empty bucket; stop() kills it. */
export async function startFakeS3(bucket = 'lapor-attachments'): Promise<FakeS3> {
  const child = spawn(buildFakeS3(), ['-listen', '127.0.0.1:0', '-bucket', bucket], { stdio: ['ignore', 'pipe', 'pipe'] });
  const address = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`fake S3 exited with ${code}`)));
    child.on('error', reject);
  });
  return { endpoint: `http://${address}`, bucket, stop: () => void child.kill() };
}
