package org.lesionsearch.models.text;

/**
 * One analysed word of a sentence.
 *
 * @param term           the word after analysis (lower case, singular)
 * @param start          offset of the word in the normalised sentence
 * @param end            offset just past the word
 * @param clauseBoundary whether punctuation separates this word from the one before
 */
public record Token(String term, int start, int end, boolean clauseBoundary) {
}
