package rhoscope.server.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * A task one member sends another through the executor service: it runs there over that member's
 * {@link LocalNode}, found in the user context of the instance Hazelcast injects, and answers JSON
 * (the API's records), never engine objects.
 */
abstract class MemberTask<T> implements Callable<T>, Serializable, HazelcastInstanceAware {
  private static final long serialVersionUID = 1L;

  private transient HazelcastInstance hz;

  @Override
  public final void setHazelcastInstance(HazelcastInstance instance) {
    this.hz = instance;
  }

  @Override
  public final T call() {
    Object node = hz.getUserContext().get(LocalNode.KEY);
    if (!(node instanceof LocalNode local)) {
      throw new IllegalStateException(
          "member " + hz.getCluster().getLocalMember() + " is not a rhoscope member");
    }
    return run(local);
  }

  abstract T run(LocalNode node);
}
