/*
 * The lesion query language.
 *
 *   hypodense liver lesion size:10..30mm -cyst
 *   (part:"right lower lobe" OR part:"left lower lobe") AND NOT attr:calcified k:20
 *   similar:000004_02_01_013_1 age:40..70 sort:size_desc
 *
 * Free words and quoted phrases are resolved to ontology labels by the compiler; field values
 * are read by the AST builder, which knows each field's syntax (ranges, units, ids).
 * Juxtaposition means AND; AND binds tighter than OR; NOT and a leading '-' negate the word,
 * field or parenthesised group that follows.
 */
parser grammar LesionQueryParser;

options { tokenVocab = LesionQueryLexer; }

query   : expr? EOF ;

expr    : andExpr (OR andExpr)* ;

andExpr : term (AND? term)* ;

// A run of free words is one term; a negation takes one word, field or group: "-cyst liver"
// excludes cysts and requires liver.
term    : (WORD | STRING)+              # text
        | (NOT | MINUS) negated         # negation
        | atom                          # plain
        ;

negated : (NOT | MINUS) negated         # doubleNegation
        | (WORD | STRING)               # negatedWord
        | atom                          # negatedAtom
        ;

atom    : LPAREN expr RPAREN            # group
        | FIELD (VALUE | VALUE_STRING)? # field
        ;
