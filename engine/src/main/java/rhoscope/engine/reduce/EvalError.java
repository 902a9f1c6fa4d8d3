package rhoscope.engine.reduce;

/**
 * An error while a thread runs (division by zero, overflow, a type mismatch). It is not a
 * failure of the engine: the thread that hit it is stuck and vanishes from the state.
 */
final class EvalError extends RuntimeException {
  EvalError(String message) {
    super(message, null, false, false);
  }
}
