package rhoscope.lang.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.Vocabulary;
import rhoscope.lang.diag.ErrorCode;
import rhoscope.lang.diag.LangException;

/**
 * How deeply input may nest, enforced before and right after parsing so that nothing that parses
 * fails later. Brackets are counted on the tokens as the parser takes them: ANTLR's prediction
 * slows down sharply with bracket depth (a hundred thousand {@code (} kept a parser busy for
 * minutes), and a lexer is iterative. The depth of the AST, measured on the parse tree before the
 * AST is built, bounds every recursive pass that follows (AST building, printing, expansion,
 * compilation, readback); a chain the AST keeps as a list ({@code P | Q | R}) adds no depth, so a
 * long flat parallel composition is fine, but one it nests ({@code a + b + c}) does.
 */
final class NestingLimit {
  /** Ten times the deepest bracket nesting of RChain's own contracts (27, MultiSigRevVault). */
  static final int MAX_BRACKETS = 256;
  /**
   * Parse-tree levels; one bracket costs up to 17 in Rholang (a level per precedence rule), and
   * every later pass stays well inside the launcher's 16 MB thread stacks at this depth.
   */
  static final int MAX_TREE_DEPTH = 4096;

  private NestingLimit() {}

  /**
   * {@code lexer}'s tokens, refusing bracket nesting beyond {@link #MAX_BRACKETS} at the first
   * bracket too deep. The count runs as the parser pulls tokens, so the text is lexed once and a
   * too-deep bracket is met long before prediction gets slow. Each token also checks whether the
   * thread was interrupted, so that a parse nobody waits for any more (a server request past its
   * budget) ends at its next token with {@link ParseInterruptedException}.
   */
  static TokenSource counting(Lexer lexer, String sourceName, String text) {
    return new TokenSource() {
      private final Vocabulary vocabulary = lexer.getVocabulary();
      private int depth;

      @Override
      public Token nextToken() {
        if (Thread.currentThread().isInterrupted()) {
          throw new ParseInterruptedException(sourceName, lexer.getLine());
        }
        Token token = lexer.nextToken();
        depth = Math.max(0, depth + bracketDelta(vocabulary.getLiteralName(token.getType())));
        if (depth > MAX_BRACKETS) {
          throw tooDeep(
              sourceName, text, token, "brackets are nested more than " + MAX_BRACKETS + " deep");
        }
        return token;
      }

      @Override
      public int getLine() {
        return lexer.getLine();
      }

      @Override
      public int getCharPositionInLine() {
        return lexer.getCharPositionInLine();
      }

      @Override
      public CharStream getInputStream() {
        return lexer.getInputStream();
      }

      @Override
      public String getSourceName() {
        return lexer.getSourceName();
      }

      @Override
      public void setTokenFactory(TokenFactory<?> factory) {
        lexer.setTokenFactory(factory);
      }

      @Override
      public TokenFactory<?> getTokenFactory() {
        return lexer.getTokenFactory();
      }
    };
  }

  /**
   * How the AST built from a parse tree nests: the levels below a node at which the AST puts what
   * it builds from one of the node's rule children. Most put it one below; a chain that the AST
   * builder flattens into a list puts its left operand at the chain's own level (a long {@code P |
   * Q | R} adds no depth), and a construct the builder unfolds puts its parts as deep as the
   * unfolding does ({@code for (a <- x; b <- y) P} is two nested inputs around P).
   */
  @FunctionalInterface
  interface Levels {
    /** Every node one level above its children, as in the type grammar, which has no chains. */
    Levels ONE_EACH = (parent, ruleChild) -> 1;

    /** Levels below {@code parent} of its {@code ruleChild}-th rule child (counted from 0). */
    int below(ParserRuleContext parent, int ruleChild);
  }

  /**
   * Rejects a parse tree whose AST would be deeper than {@link #MAX_TREE_DEPTH}, at the first node
   * too deep in the text. Left-recursive chains ({@code a + b + c}, {@code x.f().g()}) count a
   * level per operator unless {@code levels} says the AST flattens them.
   */
  static void checkTree(ParserRuleContext root, Levels levels, String sourceName, String text) {
    record Node(ParserRuleContext context, int depth) {}
    Deque<Node> pending = new ArrayDeque<>();
    pending.push(new Node(root, 0));
    List<Node> children = new ArrayList<>();
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      ParserRuleContext context = node.context();
      if (node.depth() > MAX_TREE_DEPTH) {
        throw tooDeep(
            sourceName,
            text,
            context.getStart(),
            "input is nested more than " + MAX_TREE_DEPTH + " levels deep");
      }
      children.clear();
      for (int i = 0; i < context.getChildCount(); i++) {
        if (context.getChild(i) instanceof ParserRuleContext child) {
          children.add(new Node(child, node.depth() + levels.below(context, children.size())));
        }
      }
      // pushed last first, so that the first node too deep is the first one in the text
      for (int i = children.size() - 1; i >= 0; i--) {
        pending.push(children.get(i));
      }
    }
  }

  /** A TOO_DEEP error at {@code token}. */
  static LangException tooDeep(String sourceName, String text, Token token, String detail) {
    return new LangException(
        ErrorCode.TOO_DEEP,
        sourceName,
        text,
        Math.max(1, token.getLine()),
        token.getCharPositionInLine() + 1,
        detail);
  }

  /** Openers minus closers in a literal token such as {@code '('}, {@code ',)'} or {@code '[]'}. */
  private static int bracketDelta(String literal) {
    if (literal == null) {
      return 0;
    }
    int delta = 0;
    for (int i = 0; i < literal.length(); i++) {
      switch (literal.charAt(i)) {
        case '(', '[', '{' -> delta++;
        case ')', ']', '}' -> delta--;
        default -> {}
      }
    }
    return delta;
  }
}
