/*
 * The rhoscope type (query) language: LADL-style spatial-behavioural formulas.
 *
 * Precedence, loosest first: =>  (right associative), or, and, | (spatial parallel), prefix operators (not, modalities,
 * contains, eventually, always, inevitably; the fixpoints mu X. T and nu X. T, whose body
 * extends as far right as it can), atoms. Sugar is kept in the tree and expanded
 * by rhoscope.lang.ast.type.TypeExpander, so that printing round-trips what the user wrote.
 */
grammar Type;

// This file lives in parse/grammar/ so that the generated classes land in their own package
// (the plugin derives it from the folder): ANTLR names the parser TypeParser, which is the
// name of the public facade rhoscope.lang.parse.TypeParser.

query : letDef* type EOF ;

library : letDef* EOF ;

letDef : LET IDENT (LPAREN IDENT (COMMA IDENT)* RPAREN)? EQ type SEMI ;

type : implication ;

implication : disjunction (IMPLIES type)? ;

disjunction : conjunction (OR conjunction)* ;

conjunction : parallel (AND parallel)* ;

parallel : unary (BAR unary)* ;

unary
  : NOT unary                                    # notType
  | LT namePattern GT unary                      # diamond
  | DIAMOND unary                                # diamondAny
  | LBRACK namePattern RBRACK unary              # box
  | BOX unary                                    # boxAny
  | CONTAINS unary                               # contains
  | EVENTUALLY unary                             # eventually
  | ALWAYS unary                                 # always
  | INEVITABLY unary                             # inevitably
  | (MU | NU) IDENT DOT type                     # fixpoint
  | atom                                         # atomType
  ;

atom
  : NIL                                                        # nil
  | TRUE                                                       # trueType
  | FALSE                                                      # falseType
  | DEADLOCK                                                   # deadlock
  | TERMINATED                                                 # terminated
  | RACE LPAREN namePattern RPAREN                             # race
  | TAKE_RACE LPAREN namePattern RPAREN                        # takeRace
  | namePattern BANG LPAREN payloads? RPAREN                   # send
  | FOR LPAREN namePattern RPAREN LBRACE type RBRACE           # receive
  | CONTRACT namePattern                                       # contract
  | STAR namePattern                                           # eval
  | IDENT LPAREN namePattern (COMMA namePattern)* RPAREN       # call
  | IDENT                                                      # reference
  | LPAREN type RPAREN                                         # parens
  ;

payloads
  : ELLIPSIS
  | payload (COMMA payload)* (COMMA ELLIPSIS)?
  ;

payload
  : UNDERSCORE                                   # anyPayload
  | comparator literal                           # comparePayload
  | literal                                      # literalPayload
  | type                                         # typePayload
  ;

comparator : LT | LE | GT | GE | NE ;

literal
  : MINUS? INT                                   # intLiteral
  | STRING                                       # stringLiteral
  | TRUE                                         # trueLiteral
  | FALSE                                        # falseLiteral
  ;

namePattern
  : STRING                                       # stringName
  | URI                                          # uriName
  | IDENT                                        # privateName
  | UNDERSCORE                                   # anyName
  | QUOTE atom                                   # quoteName
  ;

LET : 'let' ;
MU : 'mu' ;
NU : 'nu' ;
NOT : 'not' ;
AND : 'and' ;
OR : 'or' ;
NIL : 'Nil' ;
TRUE : 'true' ;
FALSE : 'false' ;
FOR : 'for' ;
CONTRACT : 'contract' ;
CONTAINS : 'contains' ;
EVENTUALLY : 'eventually' ;
ALWAYS : 'always' ;
INEVITABLY : 'inevitably' ;
DEADLOCK : 'deadlock' ;
TERMINATED : 'terminated' ;
RACE : 'race' ;
TAKE_RACE : 'take_race' ;

IMPLIES : '=>' ;
DIAMOND : '<>' ;
BOX : '[]' ;
ELLIPSIS : '...' ;
LE : '<=' ;
GE : '>=' ;
NE : '!=' ;
LT : '<' ;
GT : '>' ;
EQ : '=' ;
BANG : '!' ;
BAR : '|' ;
DOT : '.' ;
COMMA : ',' ;
SEMI : ';' ;
LPAREN : '(' ;
RPAREN : ')' ;
LBRACE : '{' ;
RBRACE : '}' ;
LBRACK : '[' ;
RBRACK : ']' ;
STAR : '*' ;
QUOTE : '@' ;
MINUS : '-' ;
UNDERSCORE : '_' ;

INT : [0-9]+ ;
STRING : '"' ( '\\' . | ~["\\\r\n] )* '"' ;
URI : '`' ~[`\r\n]* '`' ;
IDENT : [a-zA-Z] [a-zA-Z0-9_']* | '_' [a-zA-Z0-9_']+ ;

/* Documentation of a library definition; the parser reads it from the hidden channel. */
DOC_COMMENT : '/**' .*? '*/' -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;
LINE_COMMENT : ('//' | '--') ~[\r\n]* -> skip ;
WS : [ \t\r\n\f]+ -> skip ;

// Anything else is an error token, so that the parser reports it with its position. A lexer
// error would not do: the parser's SLL-then-LL retry replays the token stream, and the lexer,
// having already consumed the bad input, would not report it twice.
UNRECOGNIZED : . ;
