package rhoscope.indexer.features;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a bounded exploration at ingest saw. Channel labels are written as the type language writes
 * names ({@code "ERK"}, {@code `rho:io:stdout`}, {@code balance}, {@code @...}). Only when {@code
 * complete} do the sets cover every reachable state; otherwise they are a floor and a planner may
 * not prune on their absence.
 *
 * @param explored whether an exploration ran at all (the engine may not support the process)
 * @param note why exploration stopped early or did not run; empty when complete
 * @param carriedNames channels of every send in every explored state
 * @param commChannels channels on which some explored COMM happened (all channels of a join)
 * @param receiveChannels channels of linear receives and peeks in explored states
 * @param contractChannels channels of persistent receives in explored states
 * @param deadlockReachable an explored state has no step and a linear receive waits
 * @param terminalReachable an explored state has no step and nothing waits linearly
 */
public record ExplorationFeatures(
    boolean explored,
    boolean complete,
    long stateCount,
    long transitions,
    long millis,
    String note,
    SortedSet<String> carriedNames,
    SortedSet<String> commChannels,
    SortedSet<String> receiveChannels,
    SortedSet<String> contractChannels,
    boolean deadlockReachable,
    boolean terminalReachable) {

  public ExplorationFeatures {
    Objects.requireNonNull(note, "note");
    carriedNames = frozen(carriedNames);
    commChannels = frozen(commChannels);
    receiveChannels = frozen(receiveChannels);
    contractChannels = frozen(contractChannels);
    if (complete && !explored) {
      throw new IllegalArgumentException("an exploration that did not run cannot be complete");
    }
  }

  /** No exploration: the engine could not load the process, for the reason given. */
  public static ExplorationFeatures notExplored(String why) {
    return new ExplorationFeatures(
        false,
        false,
        0,
        0,
        0,
        why,
        new TreeSet<>(),
        new TreeSet<>(),
        new TreeSet<>(),
        new TreeSet<>(),
        false,
        false);
  }

  private static SortedSet<String> frozen(SortedSet<String> s) {
    return Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(s)));
  }
}
