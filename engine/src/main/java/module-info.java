module rhoscope.engine {
  requires transitive rhoscope.lang;
  requires java.management;
  requires jdk.management;
  requires org.bouncycastle.provider;

  exports rhoscope.engine;
  exports rhoscope.engine.analysis;
  exports rhoscope.engine.bench;
  exports rhoscope.engine.check;
  exports rhoscope.engine.explore;
  exports rhoscope.engine.open;
}
