/**
 * Preloaded into the benchmark's servers (`node --import`): a server exits by itself when the
 * runner that started it is gone, even if the runner was killed too hard to clean up (SIGKILL).
 */
const parent = process.ppid;
setInterval(() => {
  // Re-parented (to init or a subreaper): the runner died.
  if (process.ppid !== parent) process.exit(0);
}, 1_000).unref();
