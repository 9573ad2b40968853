// Peak resident memory of this process: the kernel's high-water mark (getrusage maxrss, which
// sees every peak however short) and our own sampling of RSS every few milliseconds (which shows
// whether the high-water mark is a start-up spike or the steady state of the work).
'use strict';

const SAMPLE_MS = 5;

const fs = require('fs');

/** The kernel's high-water mark of resident memory (VmHWM), or undefined off Linux. */
function kernelPeak() {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Restarts the kernel's high-water mark at the current RSS (Linux: clear_refs 5); false if it cannot. */
function resetKernelPeak() {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

function startSampler() {
  let peak = process.memoryUsage.rss();
  let samples = 0;
  const timer = setInterval(() => {
    const rss = process.memoryUsage.rss();
    samples += 1;
    if (rss > peak) peak = rss;
  }, SAMPLE_MS);
  timer.unref();
  return {
    /** Restart the sampled peak (the kernel's mark cannot be reset). */
    reset() {
      peak = process.memoryUsage.rss();
      samples = 0;
    },
    read() {
      const rss = process.memoryUsage.rss();
      if (rss > peak) peak = rss;
      const { heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
      return {
        maxRss: process.resourceUsage().maxRSS * 1024,
        /** Since the last resetKernelPeak (or the start), by the kernel: sees every peak however short. */
        hwm: kernelPeak(),
        sampledPeakRss: peak,
        samples,
        rss,
        heapUsed,
        heapTotal,
        external,
        arrayBuffers,
      };
    },
  };
}

module.exports = { startSampler, resetKernelPeak, SAMPLE_MS };
