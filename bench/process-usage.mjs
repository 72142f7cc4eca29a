// Preloaded by bench/scale.mjs (`node --import`): at exit, writes the process's CPU time and
// peak RSS to the file named by DEPLOY_BENCH_USAGE.
import { writeFileSync } from 'node:fs';

const out = process.env.DEPLOY_BENCH_USAGE;
if (out) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
    writeFileSync(out, JSON.stringify({ cpuMs, maxRssMb: usage.maxRSS / 1024 }));
  });
}
