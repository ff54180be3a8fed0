/**
 * ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum: a faithful Java port of google-research
 * {@code rouge-score} ({@code rouge_scorer.py}, {@code tokenize.py}).
 *
 * <p>Tokenisation lowercases, replaces every character outside {@code [a-z0-9]} by a space and splits
 * on whitespace; optional stemming uses {@link io.mlecs.eval.rouge.PorterStemmer}, a port of NLTK's
 * {@code PorterStemmer} in its default {@code NLTK_EXTENSIONS} mode (not Lucene/Snowball), applied
 * to tokens longer than three characters only. ROUGE-Lsum splits both texts on newlines into
 * sentences and scores the summary-level union LCS with rouge-score's backtracking tie rule.
 *
 * <p>The target is the reference and the prediction the candidate: precision is relative to the
 * prediction, recall to the target. Verified against {@code shared/vectors/rouge_vectors.json} and
 * {@code shared/vectors/porter_nltk_vectors.json}.
 */
package io.mlecs.eval.rouge;
