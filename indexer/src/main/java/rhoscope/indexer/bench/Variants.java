package rhoscope.indexer.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Generates a corpus of Rholang processes for benchmarks: the shipped contracts with their public
 * names renamed, and parameterised families (dining philosophers of several sizes, in the
 * deadlocking and the asymmetric order; bank accounts with several clients; bounded ping-pong of
 * several lengths).
 */
final class Variants {
  private static final Pattern STRING_NAME = Pattern.compile("\"([A-Za-z_][A-Za-z0-9_]*)\"");

  private Variants() {}

  /** Writes at least {@code target} files under {@code out}; returns how many it wrote. */
  static int write(Path shippedContracts, Path out, int target) {
    List<Path> shipped = rhoFiles(shippedContracts);
    int written = 0;
    // The families first, as far as the target allows: they give processes of every size.
    for (int n = 2; n <= 6; n++) {
      for (int copy = 0; copy < 8 && written + 2 <= target; copy++) {
        written +=
            put(
                out.resolve("philosophers/cyclic_" + n + "_" + copy + ".rho"),
                philosophers(n, false, copy));
        written +=
            put(
                out.resolve("philosophers/asymmetric_" + n + "_" + copy + ".rho"),
                philosophers(n, true, copy));
      }
    }
    for (int clients = 1; clients <= 3; clients++) {
      for (int copy = 0; copy < 12 && written < target; copy++) {
        written +=
            put(
                out.resolve("bank/clients_" + clients + "_" + copy + ".rho"),
                bank(clients, 40 + 10 * copy));
      }
    }
    for (int rounds = 1; rounds <= 40 && written < target; rounds++) {
      written += put(out.resolve("pingpong/rounds_" + rounds + ".rho"), pingPong(rounds));
    }
    for (int k = 1; written < target && !shipped.isEmpty(); k++) {
      for (Path p : shipped) {
        if (written >= target) {
          break;
        }
        String name = p.getFileName().toString().replace(".rho", "_v" + k + ".rho");
        written += put(out.resolve("renamed/" + name), renamed(read(p), "_v" + k));
      }
    }
    return written;
  }

  /** Every public string name {@code "x"} becomes {@code "x" + suffix}, consistently. */
  static String renamed(String source, String suffix) {
    Matcher m = STRING_NAME.matcher(source);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement("\"" + m.group(1) + suffix + "\""));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /**
   * N philosophers around N forks; philosopher i takes fork i then fork i+1, or (asymmetric) the
   * last one takes them in the other order, which breaks the deadlock.
   */
  static String philosophers(int n, boolean asymmetric, int copy) {
    StringBuilder sb = new StringBuilder();
    sb.append("// ")
        .append(n)
        .append(" dining philosophers, ")
        .append(asymmetric ? "the last one takes its forks in the other order" : "left fork first")
        .append(" (generated, copy ")
        .append(copy)
        .append(")\n");
    List<String> forks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      forks.add("fork" + i);
    }
    sb.append("new ").append(String.join(", ", forks)).append(" in {\n");
    for (String f : forks) {
      sb.append("  ").append(f).append("!(Nil) |\n");
    }
    for (int i = 0; i < n; i++) {
      String first = forks.get(i);
      String second = forks.get((i + 1) % n);
      if (asymmetric && i == n - 1) {
        String t = first;
        first = second;
        second = t;
      }
      sb.append("  for (_ <- ")
          .append(first)
          .append("; _ <- ")
          .append(second)
          .append(") {\n")
          .append("    @\"eating\"!(")
          .append(i)
          .append(") |\n")
          .append("    for (@")
          .append(i)
          .append(" <- @\"eating\") {\n")
          .append("      ")
          .append(first)
          .append("!(Nil) | ")
          .append(second)
          .append("!(Nil) | @\"full\"!(")
          .append(i)
          .append(")\n")
          .append("    }\n")
          .append("  }")
          .append(i < n - 1 ? " |" : "")
          .append("\n");
    }
    sb.append("}\n");
    return sb.toString();
  }

  /** An account of 100 with {@code clients} clients withdrawing {@code amount} each. */
  static String bank(int clients, int amount) {
    StringBuilder sb = new StringBuilder();
    sb.append("// a bank account, ")
        .append(clients)
        .append(" clients withdraw ")
        .append(amount)
        .append(" each (generated)\n");
    sb.append("new balance, withdraw");
    for (int i = 1; i <= clients; i++) {
      sb.append(", ret").append(i);
    }
    sb.append(" in {\n  balance!(100) |\n")
        .append("  contract withdraw(@amount, ret) = {\n")
        .append("    for (@current <- balance) {\n")
        .append("      if (current >= amount) { balance!(current - amount) | ret!(true) }\n")
        .append("      else { balance!(current) | ret!(false) }\n")
        .append("    }\n  }");
    for (int i = 1; i <= clients; i++) {
      sb.append(" |\n  withdraw!(")
          .append(amount)
          .append(", *ret")
          .append(i)
          .append(") |\n")
          .append("  for (@ok <- ret")
          .append(i)
          .append(") { @\"client")
          .append(i)
          .append("\"!(ok) }");
    }
    sb.append("\n}\n");
    return sb.toString();
  }

  /** Ping-pong for {@code rounds} rounds, then {@code "done"}. */
  static String pingPong(int rounds) {
    return "// ping-pong for "
        + rounds
        + " rounds (generated)\n"
        + "contract @\"ping\"(@round) = {\n"
        + "  if (round < "
        + rounds
        + ") { @\"pong\"!(round + 1) } else { @\"done\"!(round) }\n"
        + "} |\n"
        + "contract @\"pong\"(@round) = { @\"ping\"!(round) } |\n"
        + "@\"ping\"!(0)\n";
  }

  private static int put(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return 1;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
  }

  private static List<Path> rhoFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".rho")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
