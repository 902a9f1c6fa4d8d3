package rhoscope.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import rhoscope.indexer.IndexSummary;
import rhoscope.server.cluster.ClusterMember;
import rhoscope.server.cluster.ClusterOptions;
import rhoscope.server.http.ProcessService;
import rhoscope.server.http.RhoscopeServer;
import rhoscope.server.http.ServerConfig;
import rhoscope.server.backend.DatabaseService;

/**
 * {@code rhoscope serve}: opens (or creates) the database, indexes the shipped {@code datasets/}
 * when it is empty, then serves the API and the web page until interrupted.
 */
@Command(
    name = "serve",
    description = {
      "Serve the HTTP API and the web page over a process database.",
      "An empty database is first filled from the shipped datasets/ folder."
    })
public final class ServeCommand implements Callable<Integer> {
  static final String TOKEN_ENV = "RHOSCOPE_TOKEN";

  @Spec CommandSpec spec;

  @Mixin DatabaseOption db;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "Port to listen on (0: any free one). Default: ${DEFAULT-VALUE}.",
      defaultValue = "7070")
  int port;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      description = "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only).",
      defaultValue = ServerConfig.DEFAULT_HOST)
  String host;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description = "Token that writes (adding, removing processes) must carry. Default: the "
          + TOKEN_ENV + " environment variable; without either the server takes no writes.")
  String token;

  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "Threads of the one pool every query's checks and explorers run on."
          + " Default: one per core.")
  Integer workers;

  @Option(
      names = "--datasets",
      paramLabel = "DIR",
      description = "Folder to index into an empty database. Default: datasets/ in the working"
          + " directory or beside the rhoscope jar.")
  Path datasets;

  @Option(
      names = "--cluster",
      paramLabel = "NAME",
      description = "Join (or found) the cluster NAME: this server becomes a member holding the"
          + " shards (namespaces) Hazelcast assigns it in --db, and answers for the whole cluster."
          + " Needs --member-port and --members; the database is not filled from datasets/.")
  String cluster;

  @Option(
      names = "--member-port",
      paramLabel = "M",
      description = "Port the cluster's members reach this one on (at --host).")
  Integer memberPort;

  @Option(
      names = "--members",
      paramLabel = "HOST:PORT",
      split = ",",
      description = "The cluster's members (their --host and --member-port), this one included.")
  List<String> members;

  @Override
  public Integer call() throws InterruptedException {
    RhoscopeServer server = start(spec.commandLine().getOut());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.stop();
                  stopped.countDown();
                },
                "rhoscope-shutdown"));
    stopped.await();
    return 0;
  }

  /** Opens the database, fills it when empty, starts serving; the caller stops the server. */
  RhoscopeServer start(PrintWriter out) {
    String writeToken = token != null ? token : System.getenv(TOKEN_ENV);
    if (datasets != null && !Files.isDirectory(datasets)) {
      throw new IllegalArgumentException(
          "--datasets " + datasets + (Files.exists(datasets) ? " is not a folder" : " does not exist"));
    }
    // Checked before the database opens and before Javalin starts (which would log its own error).
    requireFreePort(host, port);
    Optional<ClusterOptions> clustered = clusterOptions();
    DatabaseService local = new DatabaseService(workers == null ? db.open() : db.open(workers));
    ProcessService service;
    try {
      service =
          clustered.isPresent() ? ClusterMember.start(clustered.get(), local).service() : local;
    } catch (RuntimeException e) {
      local.close();
      throw e;
    }
    RhoscopeServer server;
    try {
      if (clustered.isEmpty() && service.count() == 0) {
        fill(local, out);
      }
      server =
          RhoscopeServer.start(
              ServerConfig.defaults(service)
                  .withHost(host)
                  .withPort(port)
                  .withToken(writeToken));
    } catch (RuntimeException e) {
      service.close();
      if (causedByBind(e)) {
        throw portInUse(port);
      }
      throw e;
    }
    clustered.ifPresent(
        c ->
            out.printf(
                "rhoscope: member %s of cluster '%s' (%d members listed)%n",
                c.address(), c.name(), c.members().size()));
    out.printf(
        "rhoscope: serving %d processes from %s at http://%s:%d/ (writes %s); Ctrl-C stops%n",
        service.count(),
        db.dir.toAbsolutePath().normalize(),
        host,
        server.port(),
        writeToken == null || writeToken.isEmpty() ? "disabled" : "need the token");
    out.flush();
    return server;
  }

  /** The cluster to join, when --cluster names one; the other cluster options need it. */
  private Optional<ClusterOptions> clusterOptions() {
    if (cluster == null) {
      if (memberPort != null || members != null) {
        throw new UsageException("--member-port and --members need --cluster NAME");
      }
      return Optional.empty();
    }
    if (memberPort == null || members == null || members.isEmpty()) {
      throw new UsageException(
          "--cluster needs --member-port M and --members HOST:PORT,... (this member included)");
    }
    return Optional.of(ClusterOptions.of(cluster, host, memberPort, members));
  }

  private void fill(DatabaseService service, PrintWriter out) {
    Optional<Path> folder = datasets != null ? Optional.of(datasets) : findDatasets();
    if (folder.isEmpty() || !Files.isDirectory(folder.get())) {
      out.println(
          "rhoscope: the database is empty and no datasets/ folder was found; serving it empty");
      return;
    }
    out.printf("rhoscope: empty database; indexing %s ...%n", folder.get());
    out.flush();
    IndexSummary summary = service.index(folder.get());
    out.printf(
        "rhoscope: indexed %d processes in %d ms (%d files failed)%n",
        summary.added() + summary.replaced(), summary.millis(), summary.failed().size());
    for (IndexSummary.Failure f : summary.failed()) {
      out.printf("  %s: %s%n", f.path(), f.reason());
    }
  }

  /** Fails with one clear message when {@code port} is taken on {@code host} (0 is never). */
  static void requireFreePort(String host, int port) {
    if (port == 0) {
      return;
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("unknown host '" + host + "' for --host");
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(address, port));
    } catch (BindException e) {
      throw portInUse(port);
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getMessage());
    }
  }

  private static IllegalStateException portInUse(int port) {
    return new IllegalStateException(
        "port " + port + " is in use; pick another with --port");
  }

  private static boolean causedByBind(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof BindException) {
        return true;
      }
    }
    return false;
  }

  /** {@code datasets/} in the working directory, else beside the jar (the checkout's root). */
  static Optional<Path> findDatasets() {
    Path here = Path.of("datasets");
    if (Files.isDirectory(here)) {
      return Optional.of(here);
    }
    try {
      Path jar =
          Path.of(ServeCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // In a checkout the jar is server/target/rhoscope.jar: walk up to the folder with datasets/.
      for (Path dir = jar.getParent(); dir != null; dir = dir.getParent()) {
        Path candidate = dir.resolve("datasets");
        if (Files.isDirectory(candidate)) {
          return Optional.of(candidate);
        }
      }
    } catch (URISyntaxException | SecurityException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
