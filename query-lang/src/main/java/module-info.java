module rhoscope.lang {
  requires org.antlr.antlr4.runtime;

  exports rhoscope.lang;
  exports rhoscope.lang.ast.process;
  exports rhoscope.lang.ast.type;
  exports rhoscope.lang.diag;
  exports rhoscope.lang.parse;
  exports rhoscope.lang.print;
}
