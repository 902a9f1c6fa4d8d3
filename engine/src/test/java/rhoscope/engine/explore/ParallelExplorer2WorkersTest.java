package rhoscope.engine.explore;

import rhoscope.engine.Program;

class ParallelExplorer2WorkersTest extends ExplorerContractTest {
  @Override
  ExploreResult explore(Program program, ExploreOptions options) {
    return Explorer.explore(program, options);
  }

  @Override
  ExploreOptions options() {
    return ExploreOptions.defaults().withWorkers(2);
  }
}
