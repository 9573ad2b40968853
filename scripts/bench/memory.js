// Peak resident memory of this process: the kernel's high-water mark (getrusage maxrss, which
// sees every peak however short) and our own sampling of RSS every few milliseconds (which shows
// whether the high-water mark is a start-up spike or the steady state of the work).
'use strict';

const SAMPLE_MS = 5;

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

module.exports = { startSampler, SAMPLE_MS };
