package rhoscope.lang.diag;

/** Every kind of user-input error rhoscope reports, stable for programs and tests. */
public enum ErrorCode {
  /** A token the grammar does not allow at this place. */
  SYNTAX,
  /** Input nested deeper than the parser can follow. */
  TOO_DEEP,
  /** A type whose named types, once inlined, exceed the size the checker accepts. */
  TOO_LARGE,
  /** A number that does not fit its type. */
  BAD_LITERAL,
  /** A type variable used outside its fixpoint. */
  UNBOUND_TYPE_VARIABLE,
  /** A fixpoint variable under an odd number of negations. */
  NEGATIVE_FIXPOINT,
  /** A named type that is not defined. */
  UNKNOWN_NAMED_TYPE,
  /** A named type called with the wrong number of arguments. */
  ARITY,
  /** A named type or parameter defined twice in one scope. */
  DUPLICATE_DEFINITION,
  /** A payload comparison whose literal cannot be ordered. */
  BAD_COMPARISON,
  /** A construct the engine cannot execute. */
  UNSUPPORTED,
  /** A free variable where a closed process is needed. */
  UNBOUND_VARIABLE,
  /** An evaluation error: division by zero, type mismatch in an expression. */
  EVALUATION
}
