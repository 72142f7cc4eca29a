// Preloaded by bench/scale.mjs (`node --import`): at exit, writes to the file named by
// DEPLOY_BENCH_USAGE the process's CPU time, its peak RSS, the time its event loop spent
// blocked in fsync/fdatasync (durable writes), which wall time pays but CPU does not, and the
// number of syncs (blocking or not).
// DEPLOY_BENCH_NO_FSYNC=1 skips those syncs (nothing is durable then): for analysis only, to
// see what the engine costs apart from the disk.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const out = process.env.DEPLOY_BENCH_USAGE;
if (out) {
  let fsyncMs = 0;
  let fsyncs = 0;
  const skip = process.env.DEPLOY_BENCH_NO_FSYNC === '1';
  for (const name of ['fsyncSync', 'fdatasyncSync']) {
    const original = skip ? () => undefined : fs[name];
    fs[name] = (...args) => {
      const started = performance.now();
      try {
        return original(...args);
      } finally {
        fsyncMs += performance.now() - started;
        fsyncs++;
      }
    };
  }
  // The ledger's group commit syncs off the event loop (fs.fdatasync on the thread pool):
  // counted, but it blocks nothing, so its time is not added.
  const asyncSync = fs.fdatasync;
  fs.fdatasync = (fd, callback) => {
    fsyncs++;
    return skip ? process.nextTick(callback, null) : asyncSync(fd, callback);
  };
  syncBuiltinESMExports();
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
    fs.writeFileSync(out, JSON.stringify({ cpuMs, maxRssMb: usage.maxRSS / 1024, fsyncMs, fsyncs }));
  });
}
