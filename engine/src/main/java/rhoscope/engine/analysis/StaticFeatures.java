package rhoscope.engine.analysis;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the syntax of a process shows about its behaviour, without running it.
 *
 * @param channels every channel in send or receive position, with its use
 * @param freeNames labels of the public names, URIs and unbound name variables it uses
 * @param namespaces proper prefixes of public names and URIs ({@code rho:registry}, {@code bank})
 * @param declaredNames identifiers declared by {@code new}
 * @param literals every string and URI literal anywhere, labelled like channels ({@code "ERK"},
 *     {@code `rho:io:stdout`}): a public name can only exist at run time if its literal is here or
 *     {@code computesStrings} holds
 * @param computesStrings the process builds strings or calls methods, so names it uses at run time
 *     need not appear literally
 * @param hasLinearReceive some syntax waits linearly ({@code <-}, {@code <<-}, select, let, the
 *     synchronous-send sugars); without one no thread can ever be stuck
 * @param dependencies the channel dependency graph: receive on x guards send on y
 * @param cycles strongly connected components of that graph that contain a cycle, each sorted
 * @param raceCandidates channels where two sends may compete for a linear receive or two linear
 *     receives for a send
 */
public record StaticFeatures(
    SortedMap<Channel, ChannelUse> channels,
    SortedSet<String> freeNames,
    SortedSet<String> namespaces,
    SortedSet<String> declaredNames,
    SortedSet<String> literals,
    boolean computesStrings,
    boolean hasLinearReceive,
    SortedSet<Dependency> dependencies,
    List<List<String>> cycles,
    SortedSet<String> raceCandidates) {

  public StaticFeatures {
    channels = Collections.unmodifiableSortedMap(new TreeMap<>(channels));
    freeNames = frozen(freeNames);
    namespaces = frozen(namespaces);
    declaredNames = frozen(declaredNames);
    literals = frozen(literals);
    dependencies = Collections.unmodifiableSortedSet(new TreeSet<>(dependencies));
    cycles = cycles.stream().map(List::copyOf).toList();
    raceCandidates = frozen(raceCandidates);
  }

  private static SortedSet<String> frozen(SortedSet<String> set) {
    return Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(set)));
  }

  /** The labels of every channel used in send or receive position. */
  public SortedSet<String> channelLabels() {
    TreeSet<String> out = new TreeSet<>();
    channels.keySet().forEach(c -> out.add(c.label()));
    return Collections.unmodifiableSortedSet(out);
  }
}
