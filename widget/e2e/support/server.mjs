// Starts the packaged Concierge server on its embedded defaults (H2 in a temporary data folder, the demo
// tenant, the offline assistant, mail written to the outbox folder) for the browser tests and the benchmark.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const JVM_OPTIONS = fileURLToPath(new URL('../../../bootstrap/jvm.options', import.meta.url));

// Variables that would take the server off its embedded defaults.
const PRODUCTION_SETTINGS = [
  'DATABASE_URL', 'SPRING_R2DBC_URL', 'SPRING_FLYWAY_URL', 'JWT_SECRET', 'FRONTEND_URL', 'EMAIL_HOST',
  'LLM_PROVIDER', 'LLM_BASE_URL', 'OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'CONCIERGE_DEMO_ENABLED',
];

/**
 * A lead time of an hour or a little more, chosen so that the earliest bookable moment falls halfway between two of
 * the demo's half-hourly slot starts: the first slot offered then stays bookable for at least a quarter of an hour,
 * longer than the tests take to book it.
 */
function leadTimeAwayFromSlotStarts() {
  const minutes = new Date().getMinutes() % 30;
  return `${60 + ((15 - minutes + 30) % 30)}m`;
}

/** A free TCP port on the loopback address. */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
      probe.close(() => resolve(port));
    });
  });
}

/** The jar to test: CONCIERGE_JAR, else the one the Maven build packages. */
export function jarPath() {
  const jar = process.env.CONCIERGE_JAR ?? fileURLToPath(new URL('../../../bootstrap/target/concierge.jar', import.meta.url));
  if (!existsSync(jar)) {
    throw new Error(`The Concierge jar ${jar} does not exist: build it (mvn -B -DskipTests package) or set CONCIERGE_JAR.`);
  }
  return jar;
}

/**
 * Starts the server and waits until it is ready.
 * @param {{ extraOrigins?: string[], readyTimeoutMs?: number }} [options]
 * @returns {Promise<{ origin: string, port: number, dataDir: string, logFile: string, stop: () => Promise<void> }>}
 */
export async function startConcierge(options = {}) {
  const jar = jarPath();
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'concierge-e2e-'));
  const logFile = join(dataDir, 'server.log');
  const env = { ...process.env };
  for (const name of PRODUCTION_SETTINGS) delete env[name];
  Object.assign(env, {
    CONCIERGE_DATA_DIR: join(dataDir, 'data'),
    PORT: String(port),
    SERVER_ADDRESS: '127.0.0.1',
    CONCIERGE_DEMO_ORIGINS: [origin, ...(options.extraOrigins ?? [])].join(','),
    CONCIERGE_APPOINTMENTS_LEAD_TIME: leadTimeAwayFromSlotStarts(),
  });
  const log = createWriteStream(logFile);
  const child = spawn('java', [`@${JVM_OPTIONS}`, '-jar', jar], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited = false;
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => { exited = true; resolve({ code, signal }); }));

  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(killer);
    }
    log.end();
    if (!process.env.CONCIERGE_E2E_KEEP_DATA) await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (exited) break;
    try {
      const answer = await fetch(`${origin}/actuator/health/readiness`);
      if (answer.ok) return { origin, port, dataDir: join(dataDir, 'data'), logFile, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n') : '';
  await stop();
  throw new Error(`Concierge did not become ready on ${origin} (${exited ? 'it exited' : 'timed out'}). Its log ends:\n${tail}`);
}
