/*
 * Tokens of the lesion query language. A field name ("size:") switches to a mode that reads
 * one raw value ("10..30mm", "000004_02_01_013_1", "-size" or a quoted string), whose syntax
 * the AST builder checks per field.
 */
lexer grammar LesionQueryLexer;

// Keywords in any case, listed before WORD so that "and" is an operator and "android" a word.
AND     : [aA] [nN] [dD] ;
OR      : [oO] [rR] ;
NOT     : [nN] [oO] [tT] ;

FIELD   : [a-zA-Z] [a-zA-Z_]* ':' -> pushMode(FIELD_VALUE) ;

LPAREN  : '(' ;
RPAREN  : ')' ;
MINUS   : '-' ;

STRING  : '"' ( '\\' . | ~["\\] )* '"' ;

WORD    : [\p{L}\p{N}] [\p{L}\p{N}_.'/-]* ;

// Commas are allowed between terms for readability and mean nothing.
SPACE   : [ \t\r\n\u000C,]+ -> skip ;

mode FIELD_VALUE;

VALUE_STRING : '"' ( '\\' . | ~["\\] )* '"' -> popMode ;
VALUE        : ~[ \t\r\n\u000C,()"]+ -> popMode ;
VALUE_END    : [ \t\r\n\u000C,]+ -> skip, popMode ;
VALUE_LPAREN : '(' -> type(LPAREN), popMode ;
VALUE_RPAREN : ')' -> type(RPAREN), popMode ;
