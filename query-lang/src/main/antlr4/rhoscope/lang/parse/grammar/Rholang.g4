/*
 * Rholang 1.x, transcribed from the reference BNFC grammar rholang_mercury.cf (the grammar
 * rnode's own parser is generated from). It accepts the same language: the same precedence
 * levels (proc .. proc16, one rule per level, coercions as the last alternative; two pairs of
 * alternatives are left-factored for speed, see proc6 and braced), the same list rules (a
 * BNFC "separator" list that may be empty also accepts a trailing separator, as the LBNF
 * reference documents), and the same tokens (longest match, keywords win over identifiers,
 * ",)" and "BigInt(" are single tokens exactly as in the BNFC lexer).
 */
grammar Rholang;

process : proc EOF ;

proc
  : proc '|' proc1                                                    # par
  | proc1                                                             # proc0Up
  ;

proc1
  : 'if' '(' proc ')' proc2 ('else' proc1)?                           # if
  | 'new' nameDecl (',' nameDecl)* 'in' proc1                         # new
  | name '!?' '(' procList ')' synchSendCont                          # sendSynch
  | proc2                                                             # proc1Up
  ;

proc2
  : 'contract' name '(' nameList nameRemainder? ')' '=' '{' proc '}'  # contract
  | 'for' '(' receipt (';' receipt)* ')' '{' proc '}'                # input
  | 'select' '{' branch+ '}'                                          # select
  | 'match' proc4 '{' matchCase+ '}'                                  # match
  | bundle '{' proc '}'                                               # bundleProc
  | 'let' decl decls 'in' '{' proc '}'                                # let
  | proc3                                                             # proc2Up
  ;

proc3
  : name send '(' procList ')'                                        # sendProc
  | proc4                                                             # proc3Up
  ;

proc4
  : proc4 op=('or' | '||') proc5                                      # orExpr
  | proc5                                                             # proc4Up
  ;

proc5
  : proc5 op=('and' | '&&') proc6                                     # andExpr
  | proc6                                                             # proc5Up
  ;

// "P matches Q" and a plain Proc7 are left-factored (see braced below for why).
proc6
  : proc6 op=('==' | '!=') proc7                                      # eqExpr
  | proc7 ('matches' pattern=proc7)?                                  # matchesOrUp
  ;

proc7
  : proc7 op=('<' | '<=' | '>' | '>=') proc8                          # cmpExpr
  | proc8                                                             # proc7Up
  ;

proc8
  : proc8 op=('+' | '-' | '++' | '--') proc9                          # addExpr
  | proc9                                                             # proc8Up
  ;

proc9
  : proc9 op=('*' | '/' | '%' | '%%') proc10                          # mulExpr
  | proc10                                                            # proc9Up
  ;

proc10
  : op=('not' | '-') proc10                                           # unaryExpr
  | proc11                                                            # proc10Up
  ;

proc11
  : proc11 '.' VAR '(' procList ')'                                   # method
  | '(' proc4 ')'                                                     # parens
  | proc12                                                            # proc11Up
  ;

proc12
  : '*' name                                                          # eval
  | proc13                                                            # proc12Up
  ;

proc13
  : '=' star='*'? VAR                                                 # varRef
  | proc13 '\\/' proc14                                               # disjunction
  | proc14                                                            # proc13Up
  ;

proc14
  : proc14 '/\\' proc15                                               # conjunction
  | proc15                                                            # proc14Up
  ;

proc15
  : '~' proc15                                                        # negation
  | proc16                                                            # proc15Up
  ;

proc16
  : ground                                                            # groundProc
  | collection                                                        # collectionProc
  | procVar                                                           # varProc
  | 'Nil'                                                             # nil
  | simpleType                                                        # simpleTypeProc
  | '{' braced '}'                                                    # braces
  ;

// "{ P }" (grouping) and "{ k: v, ... }" (a map) are left-factored: deciding between them up
// front would make ANTLR scan ahead to the closing brace at every nesting level, which is
// quadratic in the nesting depth. Here the token after the first process decides: a ':'
// makes a map (its first key is that process), anything else a group.
braced
  : proc (colon=':' proc (',' keyValue)* ','? procRemainder?)?        # blockOrMap
  | procRemainder?                                                    # mapRest
  ;

// BNFC "separator Proc ','": possibly empty, and a trailing ',' is accepted.
procList : (proc (',' proc)* ','?)? ;

synchSendCont
  : '.'                                                               # emptyCont
  | ';' proc1                                                         # nonEmptyCont
  ;

decl : nameList nameRemainder? '<-' procList ;

decls
  : (';' decl)+                                                       # linearDecls
  | ('&' decl)+                                                       # concDecls
  |                                                                   # noDecls
  ;

procVar
  : '_'                                                               # procWildcard
  | VAR                                                               # procVariable
  ;

name
  : '_'                                                               # nameWildcard
  | VAR                                                               # nameVar
  | '@' proc12                                                        # nameQuote
  ;

nameList : (name (',' name)* ','?)? ;

bundle : kind=('bundle+' | 'bundle-' | 'bundle0' | 'bundle') ;

receipt
  : linearBind ('&' linearBind)*                                      # linearReceipt
  | repeatedBind ('&' repeatedBind)*                                  # repeatedReceipt
  | peekBind ('&' peekBind)*                                          # peekReceipt
  ;

linearBind : nameList nameRemainder? '<-' nameSource ;

nameSource
  : name                                                              # simpleSource
  | name '?!'                                                         # receiveSendSource
  | name '!?' '(' procList ')'                                        # sendReceiveSource
  ;

repeatedBind : nameList nameRemainder? '<=' name ;

peekBind : nameList nameRemainder? '<<-' name ;

send : kind=('!' | '!!') ;

branch : linearBind ('&' linearBind)* '=>' proc3 ;

matchCase : proc13 '=>' proc3 ;

nameDecl : VAR ('(' URI ')')? ;

ground
  : kind=('true' | 'false')                                           # boolLiteral
  | 'BigInt(' LONG ')'                                                # bigIntLiteral
  | LONG                                                              # longLiteral
  | STRING                                                            # stringLiteral
  | URI                                                               # uriLiteral
  ;

collection
  : '[' procList procRemainder? ']'                                   # listCollection
  | '(' proc ',)'                                                     # singleTuple
  | '(' proc ',' procList ')'                                         # multiTuple
  | 'Set' '(' procList procRemainder? ')'                             # setCollection
  ;

keyValue : proc ':' proc ;

procRemainder : '...' procVar ;

nameRemainder : '...' '@' procVar ;

simpleType : kind=('Bool' | 'Int' | 'BigInt' | 'String' | 'Uri' | 'ByteArray') ;

// Lexer. Literal tokens of the parser rules come first, so keywords beat VAR on a tie.

LONG : [0-9]+ ;

STRING : '"' (~["\\] | '\\' ["\\nt])* '"' ;

URI : '`' (~[`\\] | '\\' [`\\])* '`' ;

VAR
  : (LETTER | '\'') (LETTER | [0-9_'])*
  | '_' (LETTER | [0-9_'])+
  ;

// BNFC's letter: ASCII and ISO Latin-1 letters.
fragment LETTER : [a-zA-Z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF] ;

LINE_COMMENT : '//' ~[\r\n]* -> skip ;

BLOCK_COMMENT : '/*' .*? '*/' -> skip ;

WS : [ \t\r\n\f\u000B]+ -> skip ;

// Anything else is an error token, so that the parser reports it with its position.
UNRECOGNIZED : . ;
