// Preloaded into the server process by tests (NODE_OPTIONS=--import): its clock runs
// CLOCK_SHIFT_MS ahead, as if the test waited that long. Never used by the server itself.
const shift = Number(process.env.CLOCK_SHIFT_MS ?? 0);
const realNow = Date.now;
Date.now = () => realNow() + shift;
