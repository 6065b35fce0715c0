// Built beside engine.bench.js as engine-thread.js, so the benchmark's embedded Engine runs on
// its own thread exactly as in the built console.
import '../src/engine/engine-thread-entry';
