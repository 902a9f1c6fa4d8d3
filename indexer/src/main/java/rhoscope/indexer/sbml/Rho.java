package rhoscope.indexer.sbml;

import java.util.List;
import java.util.Optional;
import rhoscope.lang.ast.process.Bind;
import rhoscope.lang.ast.process.Name;
import rhoscope.lang.ast.process.Proc;
import rhoscope.lang.ast.process.ReceiptKind;
import rhoscope.lang.ast.process.SendKind;
import rhoscope.lang.ast.process.Source;

/**
 * The few process shapes every translation is built from, so that the species encoding (which name
 * says "present", which says "absent") is defined in one place.
 *
 * <p>A present species {@code S} is one message on the public name {@code @"S"} carrying its value;
 * an absent species is no message there but one token on {@code @("absent", "S")}. Absence needs a
 * token of its own because the rho-calculus cannot test for a missing message, and a reaction that
 * makes an absent product present must consume something to know it was absent. Keeping
 * {@code @"S"} empty when S is absent makes the everyday query {@code contains "S"!(_)} mean "S is
 * present" under every semantics. A tuple name cannot collide with a species (SBML ids are strings)
 * and no string glob matches it.
 */
final class Rho {
  private Rho() {}

  /** The public name of a species: {@code @"id"}. */
  static Name species(String id) {
    return new Name.Quote(new Proc.StringLit(id));
  }

  /** The name whose token says a species is absent: {@code @("absent", "id")}. */
  static Name absent(String id) {
    return new Name.Quote(
        new Proc.TupleLit(List.of(new Proc.StringLit("absent"), new Proc.StringLit(id))));
  }

  /** {@code channel!(value)}. */
  static Proc send(Name channel, Proc value) {
    return new Proc.Send(channel, SendKind.SINGLE, List.of(value));
  }

  /** The absence token of a species: {@code @("absent", "id")!(Nil)}. */
  static Proc absentToken(String id) {
    return send(absent(id), new Proc.Nil());
  }

  /** {@code @pattern <- channel} as one bind of a join. */
  static Bind bind(Proc pattern, Name channel) {
    return new Bind(List.of(new Name.Quote(pattern)), Optional.empty(), new Source.Simple(channel));
  }

  /** {@code _ <- @("absent", "id")}: consumes the absence token of a species. */
  static Bind bindAbsent(String id) {
    return new Bind(
        List.of(new Name.NameWildcard()), Optional.empty(), new Source.Simple(absent(id)));
  }

  /** A persistent join {@code for (b1 & b2 ... <= ...) { body }}: one reaction, forever. */
  static Proc persistentJoin(List<Bind> binds, List<Proc> body) {
    return new Proc.Input(ReceiptKind.PERSISTENT, binds, Proc.Par.of(body));
  }
}
