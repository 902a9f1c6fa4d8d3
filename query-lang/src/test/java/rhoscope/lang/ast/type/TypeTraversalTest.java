package rhoscope.lang.ast.type;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import rhoscope.lang.ParsedType;
import rhoscope.lang.parse.StandardLibrary;
import rhoscope.lang.parse.TypeArbitraries;
import rhoscope.lang.parse.TypeParser;

/**
 * {@link Type#children()} and {@link Type#withChildren} take a node apart and put it back, and
 * the passes written on them agree with the per-constructor ones they replaced.
 */
class TypeTraversalTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "type");

  @Property(tries = 300)
  void rebuildingFromItsOwnChildrenGivesTheSameType(@ForAll("types") Type surface) {
    Type core = TypeExpander.expand(surface, StandardLibrary.library());
    for (Type t : List.of(surface, core)) {
      for (Type node : subterms(t)) {
        assertThat(node.withChildren(node.children())).isSameAs(node);
        assertThat(node.withChildren(copies(node.children()))).isEqualTo(node);
        assertThat(node.withNames(node.names())).isSameAs(node);
        assertThat(node.withNames(new ArrayList<>(node.names()))).isEqualTo(node);
        List<Type> both = new ArrayList<>(node.operands());
        both.addAll(node.suspended());
        assertThat(node.children()).isEqualTo(both);
      }
    }
  }

  @Property(tries = 300)
  void aRenamingThroughTheTraversalKeepsEverySugarTag(@ForAll("types") Type surface) {
    TypeLibrary library = StandardLibrary.library();
    Type core = TypeExpander.expand(surface, library);
    assertThat(renamed(core)).isEqualTo(TypeExpander.expand(renamed(surface), library));
  }

  @Property(tries = 300)
  void freeVariablesAgreeWithThePerConstructorDefinition(@ForAll("types") Type surface) {
    Type core = TypeExpander.expand(surface, StandardLibrary.library());
    for (Type node : subterms(surface)) {
      assertThat(TypeExpander.freeVariables(node)).isEqualTo(OldFreeVariables.of(node));
    }
    for (Type node : subterms(core)) {
      assertThat(TypeExpander.freeVariables(node)).isEqualTo(OldFreeVariables.of(untagged(node)));
    }
  }

  @Test
  void goldenTypesKeepTheirFreeVariablesAndNormalForm() throws IOException {
    List<Path> inputs;
    try (Stream<Path> files = Files.list(GOLDEN)) {
      inputs = files.filter(p -> p.toString().endsWith(".type")).sorted().toList();
    }
    assertThat(inputs).isNotEmpty();
    for (Path input : inputs) {
      ParsedType parsed =
          TypeParser.parse(input.toString(), Files.readString(input, StandardCharsets.UTF_8));
      Type core = parsed.core();
      for (Type node : subterms(core)) {
        assertThat(TypeExpander.freeVariables(node)).isEqualTo(OldFreeVariables.of(untagged(node)));
      }
      // The normal form is the untagged core up to bound-variable names.
      Type normal = TypeNormalizer.normalize(parsed.type(), parsed.scope());
      assertThat(normal).isEqualTo(TypeNormalizer.normalize(untagged(core), parsed.scope()));
      assertThat(subterms(normal)).noneMatch(t -> t instanceof Type.Sugared);
    }
  }

  @Test
  void everySugarIsTaggedWithWhatWasWrittenAndPrintsItsMeaning() {
    ParsedType parsed = TypeParser.parse("<q>", "eventually contains \"a\"!(_)");
    Type.Sugared eventually = (Type.Sugared) parsed.core();
    assertThat(eventually.sugar()).isInstanceOf(Type.Eventually.class);
    Type operand = ((Type.Eventually) eventually.sugar()).operand();
    assertThat(operand).isInstanceOf(Type.Sugared.class);
    assertThat(((Type.Sugared) operand).sugar()).isInstanceOf(Type.Contains.class);
    assertThat(rhoscope.lang.print.TypePrinter.print(eventually))
        .isEqualTo("mu X. \"a\"!(_) | true or <>X");
    assertThat(rhoscope.lang.print.TypePrinter.printAsWritten(eventually))
        .isEqualTo("eventually contains \"a\"!(_)");
    assertThat(rhoscope.lang.print.TypePrinter.printAsWritten(
            TypeParser.parse("<q>", "@(always deadlock)!(_) and (a!() => b!())").core()))
        .isEqualTo("@(always deadlock)!(_) and (a!() => b!())");
  }

  @Test
  void aHandWrittenExpansionIsTaggedButAnotherFixpointIsNot() {
    Type written = TypeParser.parse("<q>", "mu Y. \"a\"!(_) or <>Y").core();
    assertThat(written).isInstanceOfSatisfying(
        Type.Sugared.class, s -> assertThat(s.sugar()).isInstanceOf(Type.Eventually.class));
    assertThat(rhoscope.lang.print.TypePrinter.print(written)).isEqualTo("mu Y. \"a\"!(_) or <>Y");
    assertThat(TypeParser.parse("<q>", "nu Z. a!() and []Z").core())
        .isInstanceOfSatisfying(
            Type.Sugared.class, s -> assertThat(s.sugar()).isInstanceOf(Type.Always.class));
    assertThat(TypeParser.parse("<q>", "mu X. <>X or \"a\"!(_)").core()).isInstanceOf(Type.Mu.class);
    assertThat(TypeParser.parse("<q>", "mu X. a!() or <\"b\">X").core()).isInstanceOf(Type.Mu.class);
  }

  @Test
  void aRewrittenCoreLosesTheTagItNoLongerMatches() {
    Type.Sugared contains = (Type.Sugared) TypeParser.parse("<q>", "contains a!()").core();
    Type other = new Type.And(new Type.Nil(), new Type.True());
    assertThat(contains.withChildren(List.of(other))).isSameAs(other);
    Type.Sugared eventually = (Type.Sugared) TypeParser.parse("<q>", "eventually a!()").core();
    Type.Mu fixpoint = (Type.Mu) eventually.core();
    Type captured = new Type.Mu("X", ((Type.Or) fixpoint.body()).withChildren(
        List.of(new Type.Var("X"), ((Type.Or) fixpoint.body()).right())));
    assertThat(eventually.withChildren(List.of(captured))).isSameAs(captured);
  }

  @Test
  void aCoreRewrittenInsideItsExpansionKeepsItsTagOverTheNewOperands() {
    Type.Sugared contains = (Type.Sugared) TypeParser.parse("<q>", "contains a!()").core();
    Type other = new Type.Par(TypeParser.parse("<q>", "\"b\"!()").core(), new Type.True());
    assertThat(contains.withChildren(List.of(other)))
        .isEqualTo(TypeParser.parse("<q>", "contains \"b\"!()").core());
  }

  @Provide
  Arbitrary<Type> types() {
    return TypeArbitraries.types();
  }

  private static List<Type> subterms(Type type) {
    List<Type> out = new ArrayList<>();
    collect(type, out);
    return out;
  }

  private static void collect(Type type, List<Type> out) {
    out.add(type);
    for (Type child : type.children()) {
      collect(child, out);
    }
  }

  /** Every string name prefixed, rebuilt through the traversal alone. */
  private static Type renamed(Type type) {
    Type rebuilt =
        type.withChildren(type.children().stream().map(TypeTraversalTest::renamed).toList());
    return rebuilt.withNames(
        rebuilt.names().stream()
            .map(n -> n instanceof NamePattern.StringName s
                ? new NamePattern.StringName("renamed " + s.glob())
                : n)
            .toList());
  }

  /** Structurally equal children that are other objects, so the node is really rebuilt. */
  private static List<Type> copies(List<Type> children) {
    return children.stream().map(c -> c.withChildren(copies(c.children()))).toList();
  }

  private static Type untagged(Type type) {
    Type inner = type instanceof Type.Sugared s ? s.core() : type;
    return inner instanceof Type.Sugared
        ? untagged(inner)
        : inner.withChildren(inner.children().stream().map(TypeTraversalTest::untagged).toList());
  }

  /** The free variables as defined per constructor before the traversal existed (no tags). */
  private static final class OldFreeVariables {
    static Set<String> of(Type type) {
      Set<String> free = new HashSet<>();
      collect(type, new HashSet<>(), free);
      return free;
    }

    private static void collect(Type type, Set<String> bound, Set<String> free) {
      switch (type) {
        case Type.Var v -> {
          if (!bound.contains(v.name())) {
            free.add(v.name());
          }
        }
        case Type.Mu m -> under(m.variable(), m.body(), bound, free);
        case Type.Nu n -> under(n.variable(), n.body(), bound, free);
        default -> {
          for (Type child : children(type)) {
            collect(child, bound, free);
          }
        }
      }
    }

    private static void under(String x, Type body, Set<String> bound, Set<String> free) {
      Set<String> inner = new HashSet<>(bound);
      inner.add(x);
      collect(body, inner, free);
    }

    private static List<Type> children(Type type) {
      return switch (type) {
        case Type.Par p -> List.of(p.left(), p.right());
        case Type.And a -> List.of(a.left(), a.right());
        case Type.Or o -> List.of(o.left(), o.right());
        case Type.Implies i -> List.of(i.left(), i.right());
        case Type.Not n -> List.of(n.operand());
        case Type.Contains c -> List.of(c.operand());
        case Type.Eventually e -> List.of(e.operand());
        case Type.Always a -> List.of(a.operand());
        case Type.Inevitably i -> List.of(i.operand());
        case Type.Diamond d -> List.of(d.body());
        case Type.Box b -> List.of(b.body());
        case Type.Mu m -> List.of(m.body());
        case Type.Nu n -> List.of(n.body());
        case Type.Sugared s -> throw new IllegalArgumentException("the old definition knew no tags");
        default -> List.of();
      };
    }
  }
}
